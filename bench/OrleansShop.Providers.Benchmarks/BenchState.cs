namespace OrleansShop.Providers.Benchmarks;

/// <summary>A small shop-like state: a counter and a few lines (about 150 bytes serialized).</summary>
[GenerateSerializer, Alias("bench.state")]
public sealed class BenchState
{
    [Id(0)]
    public int Counter { get; set; }

    [Id(1)]
    public List<string> Lines { get; set; } = ["sku-00001 x 2", "sku-00042 x 1", "sku-00317 x 5"];

    [Id(2)]
    public decimal Total { get; set; } = 149.95m;
}
