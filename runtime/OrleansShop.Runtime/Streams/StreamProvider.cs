using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OrleansShop.Runtime.Activations;
using OrleansShop.Runtime.Diagnostics;

namespace OrleansShop.Runtime.Streams;

/// <summary>
/// A stream provider: publishing goes through its queue adapter, and what the adapter delivers is fanned out to this
/// silo's subscribers of the stream, each with its own bounded buffer and delivery loop (<see cref="StreamSubscription{T}"/>).
/// Which subscribers a stream has lives here in memory; a subscription made inside a grain turn belongs to that activation.
/// </summary>
internal sealed class StreamProvider : IStreamProvider, IStreamMessageSink
{
    private readonly ConcurrentDictionary<StreamId, StreamTopic> topics = new();
    private readonly IStreamQueueAdapter adapter;
    private readonly int bufferCapacity;
    private long sequence;
    private volatile bool stopped;

    public StreamProvider(string name, IStreamQueueAdapter adapter, StreamProviderOptions options, ILoggerFactory loggerFactory)
    {
        Name = name;
        this.adapter = adapter;
        bufferCapacity = options.SubscriberBufferCapacity;
        Logger = loggerFactory.CreateLogger("OrleansShop.Runtime.Streams");
    }

    public string Name { get; }

    public bool IsRewindable => adapter.IsRewindable;

    public ILogger Logger { get; }

    public IAsyncStream<T> GetStream<T>(StreamId streamId)
    {
        if (string.IsNullOrEmpty(streamId.Namespace))
        {
            throw new ArgumentException("Create stream ids with StreamId.Create(namespace, key).", nameof(streamId));
        }

        return new AsyncStream<T>(this, streamId);
    }

    public Task StartAsync(CancellationToken cancellationToken) => adapter.StartAsync(this, cancellationToken);

    /// <summary>Stops accepting subscriptions, lets every subscriber finish its buffer and OnCompletedAsync, then stops the adapter.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        stopped = true;
        var ending = new List<Task>();
        foreach (var (streamId, topic) in topics)
        {
            foreach (var subscription in topic.Subscribers)
            {
                subscription.Complete();
                ending.Add(subscription.Completion);
                Remove(streamId, subscription);
            }
        }

        try
        {
            await Task.WhenAll(ending).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A subscriber stuck in its observer must not keep the silo from deactivating its grains.
            StreamLog.StopIncomplete(Logger, Name);
        }

        await adapter.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task PublishAsync(StreamId streamId, object item) =>
        adapter.QueueMessageAsync(new StreamMessage(streamId, item, null), CancellationToken.None);

    public void Deliver(StreamMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (topics.TryGetValue(message.StreamId, out var topic) && topic.Publish(message.Item, message.Token, ref sequence))
        {
            topics.TryRemove(new KeyValuePair<StreamId, StreamTopic>(message.StreamId, topic));
        }
    }

    public StreamSubscriptionHandle<T> Subscribe<T>(StreamId streamId, IAsyncObserver<T> observer)
    {
        if (stopped)
        {
            throw new InvalidOperationException($"Stream provider {Name} has stopped.");
        }

        var subscription = new StreamSubscription<T>(this, streamId, observer, CallingActivation(), bufferCapacity);
        while (!topics.GetOrAdd(streamId, static _ => new StreamTopic()).TryAdd(subscription))
        {
            // The topic was retired by its last subscriber leaving just now; the next GetOrAdd finds or makes a new one.
        }

        subscription.Start();
        return subscription;
    }

    public void Remove(IStreamSubscription subscription) => Remove(subscription.StreamId, subscription);

    public IList<StreamSubscriptionHandle<T>> SubscriptionsOfCaller<T>(StreamId streamId)
    {
        var caller = CallingActivation();
        return topics.TryGetValue(streamId, out var topic)
            ? [.. topic.Subscribers.Where(s => ReferenceEquals(s.Subscriber, caller)).OfType<StreamSubscriptionHandle<T>>()]
            : [];
    }

    private void Remove(StreamId streamId, IStreamSubscription subscription)
    {
        if (topics.TryGetValue(streamId, out var topic) && topic.Remove(subscription))
        {
            topics.TryRemove(new KeyValuePair<StreamId, StreamTopic>(streamId, topic));
        }
    }

    /// <summary>The activation whose turn is running on this thread, as Orleans' RuntimeContext tells it.</summary>
    private static Activation? CallingActivation() => (SynchronizationContext.Current as ActivationWork)?.Activation;
}
