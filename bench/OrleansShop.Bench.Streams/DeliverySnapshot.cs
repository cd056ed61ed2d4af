namespace OrleansShop.Bench.Streams;

/// <summary>The consuming silo's counts; timestamps in Stopwatch ticks (<see cref="Frequency"/> per second).</summary>
[GenerateSerializer]
[Alias("bench.delivery-snapshot")]
public sealed record DeliverySnapshot(long Delivered, long Duplicates, long FirstTimestamp, long LastTimestamp, double P50Ms, double P99Ms, long Frequency);
