namespace OrleansShop.Silo.Hosting;

/// <summary>The domain-event streams, bound from <c>OrleansShop:Streams</c>.</summary>
public sealed class StreamSettings
{
    public const string Section = ShopOptions.Section + ":Streams";

    public DomainEventStreamProvider Provider { get; set; } = DomainEventStreamProvider.Memory;

    public AzureQueueStreamSettings AzureQueue { get; set; } = new();

    public EventHubStreamSettings EventHubs { get; set; } = new();

    public AdoNetStreamSettings AdoNet { get; set; } = new();

    /// <summary>
    /// How often an idle queue is read again: the most an event waits before its consumers see it. Orleans' default is
    /// 100 ms as well; each read of an idle queue is a request to the queue service, per queue and silo.
    /// </summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a failing consumer (a read model whose database is down) is retried before the event is given up on.
    /// The partition waits meanwhile, so events are not overtaken; Orleans' default is one minute.
    /// </summary>
    public TimeSpan MaxDeliveryTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether this silo reads the queues. False publishes only: events wait in the queue for silos that consume
    /// (an operator pausing consumers, and the tests of catching up after an outage).
    /// </summary>
    public bool Consume { get; set; } = true;

    /// <summary>What is wrong with these settings, one sentence each, naming the keys; empty when they are usable.</summary>
    /// <param name="storage">The storage database, where <see cref="DomainEventStreamProvider.AdoNet"/> keeps its queues.</param>
    public IEnumerable<string> Problems(StorageSettings storage)
    {
        if (!Enum.IsDefined(Provider))
        {
            yield return $"{Section}:Provider must be one of {string.Join(", ", Enum.GetNames<DomainEventStreamProvider>())}.";
        }

        if (PollPeriod <= TimeSpan.Zero || PollPeriod > TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:PollPeriod must be above zero and at most a minute; it is {PollPeriod}.";
        }

        if (MaxDeliveryTime < TimeSpan.FromSeconds(1))
        {
            yield return $"{Section}:MaxDeliveryTime must be at least a second; it is {MaxDeliveryTime}.";
        }

        var provider = Provider switch
        {
            DomainEventStreamProvider.AzureQueue => AzureQueue.Problems(),
            DomainEventStreamProvider.EventHubs => EventHubs.Problems(),
            DomainEventStreamProvider.AdoNet => AdoNet.Problems(storage, MaxDeliveryTime),
            _ => [],
        };
        foreach (var problem in provider)
        {
            yield return problem;
        }
    }
}
