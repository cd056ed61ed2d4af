namespace OrleansShop.Benchmarks.Runtime;

/// <summary>A small grain state: a count and a short name.</summary>
public sealed class BenchCounterState
{
    public int Count { get; set; }

    public string Name { get; set; } = "counter";
}
