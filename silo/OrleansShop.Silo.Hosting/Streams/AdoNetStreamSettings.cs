namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Orleans' ADO.NET streams for the domain events (<c>OrleansShop:Streams:AdoNet</c>): queues kept as rows in the storage
/// database (<c>OrleansShop:Storage</c>, PostgreSQL or SQL Server), in the tables of schema script 5.
/// </summary>
public sealed class AdoNetStreamSettings
{
    private const string Prefix = StreamSettings.Section + ":AdoNet:";

    /// <summary>
    /// How many queues the events are spread over: the most silos that read events side by side (each queue is read by
    /// one silo at a time, which only forwards them to the consumers, wherever those run). One, as Orleans' default:
    /// measured on two silos (bench/RESULTS.md, "Durable streams"), 8 and 4 queues delivered fewer events a second than
    /// one, at a higher latency, each queue being one more reader polling the database.
    /// </summary>
    public int QueueCount { get; set; } = 1;

    /// <summary>
    /// How long an event read by a silo stays hidden from the others until that silo confirms it. A silo that dies
    /// holding events leaves them hidden this long, after which another silo delivers them.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an unconsumed event is kept before it is moved to the dead letters: the longest outage of every consumer
    /// the events survive. Orleans' default (10 minutes) would drop the events of a longer pause, so a week, as Azure
    /// Queue storage keeps a message.
    /// </summary>
    public TimeSpan ExpiryTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How many times an event is read before it is moved to the dead letters; unset, the fewest that outlast
    /// <see cref="StreamSettings.MaxDeliveryTime"/> (<see cref="AttemptsFor"/>).
    /// </summary>
    /// <remarks>
    /// Orleans' receiver reads an event it is still delivering again each time its visibility timeout passes (no lease
    /// is renewed), and every read counts as an attempt. With its default of 5, a delivery retried for longer than 5
    /// timeouts (a read model's database down for minutes) had its events moved to the dead letters while the silo still
    /// held them only in memory; when that silo then died they were lost (StreamRedeliveryTests). So the attempts must
    /// last as long as a delivery may be retried.
    /// </remarks>
    public int? MaxAttempts { get; set; }

    /// <summary>
    /// <see cref="MaxAttempts"/> when set, else the fewest reads whose timeouts after the first outlast
    /// <paramref name="maxDeliveryTime"/>: 21 at the defaults (30 s, 10 minutes).
    /// </summary>
    public int AttemptsFor(TimeSpan maxDeliveryTime) => MaxAttempts ?? LeastAttempts(maxDeliveryTime);

    private int LeastAttempts(TimeSpan maxDeliveryTime) =>
        (int)Math.Min(int.MaxValue, Math.Ceiling(maxDeliveryTime / VisibilityTimeout) + 1);

    /// <param name="storage">The storage database the queues live in.</param>
    /// <param name="maxDeliveryTime">How long the pulling agent retries a delivery (<see cref="StreamSettings.MaxDeliveryTime"/>).</param>
    public IEnumerable<string> Problems(StorageSettings storage, TimeSpan maxDeliveryTime)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (!IsAdoNetDatabase(storage))
        {
            yield return $"{StreamSettings.Section}:Provider=AdoNet keeps the events in the storage database, which must be PostgreSQL or SQL Server "
                + $"(OrleansShop:Storage:Provider=postgres or sqlserver); it is '{storage.Provider}'. With SQLite choose Memory or AzureQueue.";
        }
        else if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            yield return $"{StreamSettings.Section}:Provider=AdoNet needs OrleansShop:Storage:ConnectionString, the database its queues live in.";
        }

        if (QueueCount is < 1 or > 64)
        {
            yield return $"{Prefix}QueueCount must be 1 to 64; it is {QueueCount}.";
        }

        if (VisibilityTimeout < TimeSpan.FromSeconds(1) || ExpiryTimeout < TimeSpan.FromMinutes(1) || ExpiryTimeout > TimeSpan.FromDays(365))
        {
            yield return $"{Prefix}VisibilityTimeout must be at least a second and {Prefix}ExpiryTimeout from a minute to a year; "
                + $"they are {VisibilityTimeout} and {ExpiryTimeout}.";
        }

        if (MaxAttempts is { } attempts && VisibilityTimeout >= TimeSpan.FromSeconds(1) && attempts < LeastAttempts(maxDeliveryTime))
        {
            yield return $"{Prefix}MaxAttempts must be at least {LeastAttempts(maxDeliveryTime)} with {Prefix}VisibilityTimeout={VisibilityTimeout} "
                + $"and {StreamSettings.Section}:MaxDeliveryTime={maxDeliveryTime}; it is {attempts}. Each timeout an event spends being "
                + "delivered counts as a read, and events read that often are moved to the dead letters while a silo still delivers them, "
                + "lost if it dies. Leave it unset to have the least that is safe.";
        }
    }

    // An unknown storage provider is refused with its own message where the storage is set up.
    private static bool IsAdoNetDatabase(StorageSettings storage) => storage.IsKnownProvider && storage.AdoNetDialect is not null;
}
