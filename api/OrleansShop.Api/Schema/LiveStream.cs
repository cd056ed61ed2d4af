using System.Runtime.CompilerServices;
using System.Threading.Channels;
using HotChocolate.Execution;
using Orleans.Runtime;
using Orleans.Streams;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>
/// A grain stream read by one GraphQL subscription, as its source stream. Its stream subscription ends however the GraphQL
/// one does: the client completes it or disconnects (HotChocolate disposes the source stream), the events run out, or the
/// server stops.
/// </summary>
internal sealed class LiveStream<T> : IAsyncObserver<T>, ISourceStream
    where T : class
{
    // One slot: a client that reads slowly holds the stream's delivery loop, so the provider's bounded buffer is the one
    // that fills up and cuts the subscription off (StreamProviderOptions), not an unbounded queue here.
    private readonly Channel<T> events = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
    private readonly Func<T, bool> isLast;
    private readonly Func<T, long> version;
    private StreamSubscriptionHandle<T>? handle;
    private CancellationTokenRegistration aborted;
    private int ended;

    // Events at or below this version are skipped: the subscriber has seen that state already.
    private long floor;

    // A change made while the stream subscription was being registered, found by reading the state again after it.
    private T? caughtUp;

    private LiveStream(Func<T, long> version, Func<T, bool> isLast, long floor) => (this.version, this.isLast, this.floor) = (version, isLast, floor);

    /// <summary>
    /// Follows the changes made after <paramref name="seen"/>, a state the caller read (and authorised) before this. A
    /// change published while the subscription registers reaches neither the stream subscription nor that read, so the
    /// state is read once more afterwards and, if it moved on, sent first. Orleans' stream agents can also deliver an
    /// event published just before the subscription after it; versions at or below what was sent are dropped.
    /// </summary>
    /// <param name="read">Reads the current state again, once the stream subscription is in place.</param>
    /// <param name="version">Orders the states (each carries its grain's count of saved changes).</param>
    /// <param name="isLast">A state after which nothing more can happen (an order's final status): the subscription completes after it.</param>
    public static async Task<ISourceStream> FollowAsync(
        IResolverContext context, StreamId streamId, T seen, Func<Task<T?>> read, Func<T, long> version, Func<T, bool>? isLast = null)
    {
        var live = new LiveStream<T>(version, isLast ?? (_ => false), version(seen));
        if (live.isLast(seen))
        {
            live.events.Writer.TryComplete();
            return live;
        }

        var stream = context.Service<IClusterClient>().GetStreamProvider(CommerceStreams.Provider).GetStream<T>(streamId);
        live.handle = await stream.SubscribeAsync(live);
        live.aborted = context.RequestAborted.Register(static s => _ = ((LiveStream<T>)s!).EndAsync(), live);
        try
        {
            if (await read() is { } now && version(now) > live.floor)
            {
                live.caughtUp = now;
            }
        }
        catch
        {
            await live.EndAsync();
            throw;
        }

        return live;
    }

    IAsyncEnumerable<object> ISourceStream.ReadEventsAsync() => ReadAllAsync();

    ValueTask IAsyncDisposable.DisposeAsync() => new(EndAsync());

    private async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            if (caughtUp is { } first)
            {
                floor = version(first);
                yield return first;
                if (isLast(first))
                {
                    yield break;
                }
            }

            await foreach (var item in events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (version(item) <= floor)
                {
                    continue;
                }

                floor = version(item);
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

    private async Task EndAsync()
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
