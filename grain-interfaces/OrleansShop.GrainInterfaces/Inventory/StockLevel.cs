using Orleans;
using Orleans.Concurrency;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// A product's stock ledger at one moment. <see cref="Version"/> counts the ledger's saved changes, so a reader can tell
/// which of two levels is newer (a stream may deliver one late).
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.StockLevel")]
public sealed record StockLevel([property: Id(0)] int OnHand, [property: Id(1)] int Reserved, [property: Id(2)] int Sold, [property: Id(3)] int Received, [property: Id(4)] int WrittenOff,
    [property: Id(5)] long Version = 0)
{
    /// <summary>Sellable now.</summary>
    public int Available => OnHand - Reserved;
}
