using System.Text.Json.Serialization;

namespace OrleansShop.Benchmarks.Storage;

[JsonSerializable(typeof(BenchmarkState))]
internal sealed partial class BenchmarkJsonContext : JsonSerializerContext;
