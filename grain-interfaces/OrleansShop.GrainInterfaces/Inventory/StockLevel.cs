using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>A product's stock ledger at one moment.</summary>
[GenerateSerializer, Immutable, Alias("shop.StockLevel")]
public sealed record StockLevel([property: Id(0)] int OnHand, [property: Id(1)] int Reserved, [property: Id(2)] int Sold, [property: Id(3)] int Received, [property: Id(4)] int WrittenOff)
{
    /// <summary>Sellable now.</summary>
    public int Available => OnHand - Reserved;
}
