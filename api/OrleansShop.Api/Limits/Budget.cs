namespace OrleansShop.Api.Limits;

/// <summary>A token bucket's size: up to <see cref="Capacity"/> at once, refilled at <see cref="RefillPerSecond"/>.</summary>
public sealed class Budget
{
    public double Capacity { get; set; }

    public double RefillPerSecond { get; set; }

    public static Budget Of(double capacity, double refillPerSecond) => new() { Capacity = capacity, RefillPerSecond = refillPerSecond };

    internal bool IsValid => Capacity > 0 && RefillPerSecond > 0 && double.IsFinite(Capacity) && double.IsFinite(RefillPerSecond);
}
