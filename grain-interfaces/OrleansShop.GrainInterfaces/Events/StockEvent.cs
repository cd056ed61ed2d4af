using Orleans;
using Orleans.Concurrency;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// A product's stock changed: its ledger as saved then. Delivered at least once; <see cref="StockLevel.Version"/> orders
/// the events of one product and <see cref="EventId"/> names one change.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.StockEvent")]
public sealed record StockEvent([property: Id(0)] string ProductId, [property: Id(1)] StockLevel Level)
{
    public string EventId => $"stock/{ProductId}/{Level.Version}";
}
