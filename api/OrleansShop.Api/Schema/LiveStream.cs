using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Orleans.Runtime;
using Orleans.Streams;
using OrleansShop.GrainInterfaces;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.Api.Schema;

/// <summary>
/// A grain stream read by one GraphQL subscription. Its stream subscription ends however the GraphQL one does: the
/// client completes it or disconnects (the operation's token), the events run out, or the server stops.
/// </summary>
internal sealed class LiveStream<T> : IAsyncObserver<T>
{
    // One slot: a client that reads slowly holds the stream's delivery loop, so the provider's bounded buffer is the one
    // that fills up and cuts the subscription off (StreamProviderOptions), not an unbounded queue here.
    private readonly Channel<T> events = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
    private readonly Func<T, bool> isLast;
    private readonly Func<T, long> version;
    private StreamSubscriptionHandle<T>? handle;
    private CancellationTokenRegistration aborted;
    private int ended;

    private LiveStream(Func<T, long> version, Func<T, bool> isLast) => (this.version, this.isLast) = (version, isLast);

    /// <summary>
    /// The version of the state the subscriber saw when it subscribed; events at or below it are skipped. Orleans' stream
    /// agents read a queue after a new subscription has registered, so an event published just before the subscription
    /// can still arrive after it, and a subscriber asked only for what changes from now on.
    /// </summary>
    public long Floor { get; set; } = long.MinValue;

    /// <param name="version">Orders the events of the stream (each carries its grain's count of saved changes).</param>
    /// <param name="isLast">An event after which nothing more can happen (an order's final status): the subscription completes after it.</param>
    public static async Task<LiveStream<T>> SubscribeAsync(IResolverContext context, StreamId streamId, Func<T, long> version, Func<T, bool>? isLast = null)
    {
        var live = new LiveStream<T>(version, isLast ?? (_ => false));
        var stream = context.Service<IClusterClient>().GetStreamProvider(CommerceStreams.Provider).GetStream<T>(streamId);
        live.handle = await stream.SubscribeAsync(live);
        live.aborted = context.RequestAborted.Register(static s => _ = ((LiveStream<T>)s!).EndAsync(), live);
        return live;
    }

    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var item in events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (version(item) <= Floor)
                {
                    continue;
                }

                Floor = version(item);
                yield return item;
                if (isLast(item))
                {
                    yield break;
                }
            }
        }
        finally
        {
            await EndAsync().ConfigureAwait(false);
        }
    }

    public async Task EndAsync()
    {
        if (Interlocked.Exchange(ref ended, 1) == 1)
        {
            return;
        }

        events.Writer.TryComplete();

        // Unregister, not Dispose: this may run inside that very callback, which Dispose would wait for.
        aborted.Unregister();
        if (handle is not null)
        {
            await handle.UnsubscribeAsync().ConfigureAwait(false);
        }
    }

    async Task IAsyncObserver<T>.OnNextAsync(T item, StreamSequenceToken? token)
    {
        // Waits while the client has not taken the previous event; returns without error once the subscription ended.
        while (await events.Writer.WaitToWriteAsync().ConfigureAwait(false))
        {
            if (events.Writer.TryWrite(item))
            {
                return;
            }
        }
    }

    Task IAsyncObserver<T>.OnCompletedAsync()
    {
        events.Writer.TryComplete();
        return Task.CompletedTask;
    }

    Task IAsyncObserver<T>.OnErrorAsync(Exception ex)
    {
        // The client fell too far behind: its subscription ends with an error rather than silently skipping updates.
        events.Writer.TryComplete(ex);
        return Task.CompletedTask;
    }
}
