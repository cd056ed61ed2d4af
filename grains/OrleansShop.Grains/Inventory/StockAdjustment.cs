using Orleans;
using Orleans.Concurrency;

namespace OrleansShop.Grains;

/// <summary>A restock or write-off, kept so the ledger can be explained.</summary>
[GenerateSerializer, Immutable, Alias("shop.StockAdjustment")]
internal sealed record StockAdjustment([property: Id(0)] int Delta, [property: Id(1)] string Reason, [property: Id(2)] DateTimeOffset At);
