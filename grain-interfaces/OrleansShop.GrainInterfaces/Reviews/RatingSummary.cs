namespace OrleansShop.GrainInterfaces;

/// <summary>Exact rating totals; the average is derived, null when there are no ratings.</summary>
public sealed record RatingSummary(int Count, int Sum)
{
    public double? Average => Count == 0 ? null : (double)Sum / Count;
}
