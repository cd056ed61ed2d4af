using System.Threading.Channels;
using OrleansShop.Runtime.Activations;
using OrleansShop.Runtime.Diagnostics;

namespace OrleansShop.Runtime.Streams;

/// <summary>
/// One subscriber of one stream: a bounded buffer the publisher writes into without waiting, and a loop that hands
/// the buffered items to the observer one at a time, in order: directly for a subscriber outside grains, as turns of
/// its activation for a grain. An observer's exception is logged and the next item follows; the publisher never sees it.
/// </summary>
internal sealed class StreamSubscription<T> : StreamSubscriptionHandle<T>, IStreamSubscription
{
    private const int Open = 0;
    private const int Unsubscribed = 1;
    private const int Completed = 2;
    private const int Overflowed = 3;

    private readonly StreamProvider provider;
    private readonly IAsyncObserver<T> observer;
    private readonly Channel<(T Item, StreamSequenceToken Token)> buffer;
    private readonly int capacity;
    private StreamSequenceToken? lastAccepted;
    private int ending;

    public StreamSubscription(StreamProvider provider, StreamId streamId, IAsyncObserver<T> observer, Activation? subscriber, int capacity)
    {
        this.provider = provider;
        this.observer = observer;
        this.capacity = capacity;
        StreamId = streamId;
        Subscriber = subscriber;
        buffer = Channel.CreateBounded<(T, StreamSequenceToken)>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public override Guid HandleId { get; } = Guid.NewGuid();

    public override StreamId StreamId { get; }

    public override string ProviderName => provider.Name;

    public Activation? Subscriber { get; }

    public Task Completion { get; private set; } = Task.CompletedTask;

    private bool IsUnsubscribed => Volatile.Read(ref ending) == Unsubscribed;

    /// <summary>Starts the delivery loop outside the subscriber's turn and ambient context: it must not inherit either.</summary>
    public void Start()
    {
        using (ExecutionContext.SuppressFlow())
        {
            Completion = Task.Run(DeliverAllAsync);
        }
    }

    public bool Offer(object item, StreamSequenceToken token)
    {
        if (item is not T typed)
        {
            // Published as another type on the same stream id: not for this subscriber.
            return true;
        }

        if (buffer.Writer.TryWrite((typed, token)))
        {
            lastAccepted = token;
            return true;
        }

        End(Overflowed);
        return false;
    }

    public void Complete() => End(Completed);

    public override Task UnsubscribeAsync()
    {
        End(Unsubscribed);
        provider.Remove(this);
        return Task.CompletedTask;
    }

    private void End(int reason)
    {
        if (Interlocked.CompareExchange(ref ending, reason, Open) == Open)
        {
            buffer.Writer.TryComplete();
        }
    }

    private async Task DeliverAllAsync()
    {
        var reader = buffer.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var next))
            {
                if (IsUnsubscribed)
                {
                    return;
                }

                // Checked again when the call runs: a grain may unsubscribe in a turn that ran while this one waited.
                if (!await DeliverAsync(() => IsUnsubscribed ? Task.CompletedTask : observer.OnNextAsync(next.Item, next.Token), "IAsyncObserver.OnNextAsync").ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        switch (Volatile.Read(ref ending))
        {
            case Completed:
                await DeliverAsync(observer.OnCompletedAsync, "IAsyncObserver.OnCompletedAsync").ConfigureAwait(false);
                break;
            case Overflowed:
                StreamLog.SubscriberOverflowed(provider.Logger, StreamId, capacity);
                var overflow = new StreamBufferOverflowException(StreamId, capacity, lastAccepted);
                await DeliverAsync(() => observer.OnErrorAsync(overflow), "IAsyncObserver.OnErrorAsync").ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Runs one observer call; false when the subscribing activation is gone, which ends the subscription.</summary>
    private async Task<bool> DeliverAsync(Func<Task> call, string description)
    {
        try
        {
            if (Subscriber is null)
            {
                await call().ConfigureAwait(false);
                return true;
            }

            var work = new StreamTurnWork(call, description);
            if (Subscriber.Deliver(work, mayRunInline: false) == DeliveryOutcome.Refused || !await work.Outcome.ConfigureAwait(false))
            {
                StreamLog.SubscriberGone(provider.Logger, StreamId, Subscriber.GrainId);
                End(Unsubscribed);
                provider.Remove(this);
                return false;
            }

            return true;
        }
        catch (Exception exception)
        {
            StreamLog.ObserverFailed(provider.Logger, exception, StreamId, description);
            return true;
        }
    }
}
