namespace OrleansShop.Bench.Streams;

/// <summary>One published event: which publisher, its sequence there, and when it was handed to the stream (Stopwatch ticks,
/// one monotonic clock for every process on the machine).</summary>
[GenerateSerializer]
[Alias("bench.stream-event")]
public sealed record BenchEvent(int Publisher, long Sequence, long SentTimestamp);
