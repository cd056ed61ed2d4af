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

    /// <summary>How many times an event is read before it is given up as a dead letter (Orleans' default).</summary>
    public int MaxAttempts { get; set; } = 5;

    public IEnumerable<string> Problems(StorageSettings storage)
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

        if (MaxAttempts < 1)
        {
            yield return $"{Prefix}MaxAttempts must be at least 1; it is {MaxAttempts}.";
        }
    }

    // An unknown storage provider is refused with its own message where the storage is set up.
    private static bool IsAdoNetDatabase(StorageSettings storage) => storage.IsKnownProvider && storage.AdoNetDialect is not null;
}
