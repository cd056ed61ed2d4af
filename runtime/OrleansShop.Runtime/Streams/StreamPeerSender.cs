using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Clustering.Transport;
using OrleansShop.Runtime.Diagnostics;

namespace OrleansShop.Runtime.Streams;

/// <summary>
/// What one provider sends one other silo: a bounded queue of encoded messages and a loop that sends whatever has
/// gathered as one batch frame, in queue order. Memory per peer is bounded: this queue's capacity in messages, plus
/// the few batches the connection holds unwritten (<see cref="SiloConnection"/> makes the sender wait past them). A publisher never waits for a peer: when the queue is full (the
/// peer or the link is slower than the publishers) the message is dropped for that peer only, counted in
/// <see cref="Dropped"/> and logged at most every <see cref="WarningInterval"/>. A batch whose connection failed is
/// lost and counted the same way. Memory streams promise at-most-once delivery; a gap never reorders what follows.
/// </summary>
internal sealed class StreamPeerSender
{
    public const int MaxBatchMessages = 256;

    /// <summary>A batch stops growing past this many bytes (one larger message still goes, alone).</summary>
    public const int MaxBatchBytes = 256 * 1024;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);

    private readonly string provider;
    private readonly int capacity;
    private readonly Func<SiloAddress, byte[], ValueTask<bool>> send;
    private readonly ILogger logger;
    private readonly Channel<byte[]> queue;
    private long dropped;
    private long droppedAtLastWarning;
    private long lastWarning = long.MinValue;
    private volatile bool completing;

    public StreamPeerSender(string provider, SiloAddress peer, int capacity, Func<SiloAddress, byte[], ValueTask<bool>> send, ILogger logger)
    {
        this.provider = provider;
        this.capacity = capacity;
        this.send = send;
        this.logger = logger;
        Peer = peer;
        queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        // The loop belongs to no publisher: it must not inherit a grain turn's context.
        using (ExecutionContext.SuppressFlow())
        {
            Completion = Task.Run(SendAllAsync);
        }
    }

    public SiloAddress Peer { get; }

    /// <summary>Messages this peer will not get: queue full, or their batch's connection failed.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Ends once everything queued before <see cref="Complete"/> was sent or dropped.</summary>
    public Task Completion { get; }

    /// <summary>Queues the message without waiting; false when it was dropped.</summary>
    public bool TryEnqueue(byte[] message)
    {
        if (queue.Writer.TryWrite(message))
        {
            return true;
        }

        if (!completing)
        {
            CountDropped(1);
        }

        return false;
    }

    /// <summary>Sends what is queued, then ends; after a failed send the rest is dropped rather than retried.</summary>
    public void Complete()
    {
        completing = true;
        queue.Writer.TryComplete();
    }

    private async Task SendAllAsync()
    {
        var reader = queue.Reader;
        var batch = new List<byte[]>(MaxBatchMessages);
        var failing = false;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var bytes = 0;
            while (batch.Count < MaxBatchMessages && bytes < MaxBatchBytes && reader.TryPeek(out var next)
                && (batch.Count == 0 || bytes + next.Length <= MaxBatchBytes) && reader.TryRead(out var message))
            {
                batch.Add(message);
                bytes += message.Length;
            }

            Exception? failure = null;
            try
            {
                if (await send(Peer, StreamMessageCodec.EncodeBatch(provider, batch)).ConfigureAwait(false))
                {
                    failing = false;
                    continue;
                }
            }
            catch (Exception exception)
            {
                // Whatever went wrong, this loop must live on: it is the peer's only way to get later messages.
                failure = exception;
            }

            CountDropped(batch.Count);
            if (!failing)
            {
                // Once per outage: until a batch gets through again, the rate-limited drop count tells the rest.
                failing = true;
                StreamLog.PeerBatchLost(logger, failure, batch.Count, provider, Peer);
            }

            if (completing)
            {
                var rest = 0;
                while (reader.TryRead(out _))
                {
                    rest++;
                }

                CountDropped(rest);
                break;
            }

            await Task.Delay(RetryDelay).ConfigureAwait(false);
        }

        // The rate limit may have held back the last count: the total is told once more as the peer goes.
        var total = Dropped;
        if (total > Interlocked.Read(ref droppedAtLastWarning))
        {
            StreamLog.PeerMessagesDropped(logger, total - Interlocked.Exchange(ref droppedAtLastWarning, total), total, provider, Peer, capacity);
        }
    }

    private void CountDropped(int count)
    {
        if (count == 0)
        {
            return;
        }

        var total = Interlocked.Add(ref dropped, count);
        var last = Interlocked.Read(ref lastWarning);
        var now = Stopwatch.GetTimestamp();
        if ((last == long.MinValue || Stopwatch.GetElapsedTime(last, now) >= WarningInterval)
            && Interlocked.CompareExchange(ref lastWarning, now, last) == last)
        {
            var since = total - Interlocked.Exchange(ref droppedAtLastWarning, total);
            StreamLog.PeerMessagesDropped(logger, since, total, provider, Peer, capacity);
        }
    }
}
