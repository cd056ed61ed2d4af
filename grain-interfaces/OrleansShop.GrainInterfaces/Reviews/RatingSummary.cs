using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>Exact rating totals; the average is derived, null when there are no ratings.</summary>
[GenerateSerializer, Immutable, Alias("shop.RatingSummary")]
public sealed record RatingSummary([property: Id(0)] int Count, [property: Id(1)] int Sum)
{
    public double? Average => Count == 0 ? null : (double)Sum / Count;
}
