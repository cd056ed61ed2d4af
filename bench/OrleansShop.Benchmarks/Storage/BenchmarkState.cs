namespace OrleansShop.Benchmarks.Storage;

/// <summary>A cart-sized state (about 300 bytes of JSON, the size reference/sqlite.md measured with).</summary>
public sealed record BenchmarkState(string Owner, int Items, IReadOnlyList<string> Lines, decimal Total, string Currency);
