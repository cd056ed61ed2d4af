namespace OrleansShop.Benchmarks.GrainCalls;

/// <summary>A small grain state: a count and a short name.</summary>
[GenerateSerializer]
[Alias("bench.counter-state")]
public sealed class BenchCounterState
{
    [Id(0)]
    public int Count { get; set; }

    [Id(1)]
    public string Name { get; set; } = "counter";
}
