using Microsoft.Extensions.Logging.Abstractions;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Clustering.Transport;
using OrleansShop.Runtime.Streams;

namespace OrleansShop.Runtime.Tests.Streams;

/// <summary>The per-peer queue of cluster streams, against a fake send (the transport is covered by the process tests).</summary>
public sealed class StreamPeerSenderTests
{
    private static readonly SiloAddress Peer = new("127.0.0.1", 11111, 1);

    [Fact]
    public async Task A_peer_that_does_not_keep_up_loses_the_messages_past_the_queue_and_gets_the_rest_in_order()
    {
        var wire = new FakeWire(holdFirst: true);
        var sender = new StreamPeerSender("p", Peer, capacity: 4, wire.SendAsync, NullLogger.Instance);

        Assert.True(sender.TryEnqueue([0]));
        await wire.FirstCall; // the loop now holds message 0 and waits for the peer
        var accepted = Enumerable.Range(1, 10).Select(i => sender.TryEnqueue([(byte)i])).ToList();

        Assert.Equal([true, true, true, true, false, false, false, false, false, false], accepted);
        Assert.Equal(6, sender.Dropped);
        wire.Release();
        sender.Complete();
        await sender.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([0, 1, 2, 3, 4], wire.Delivered);
        Assert.Equal(6, sender.Dropped);
    }

    [Fact]
    public async Task A_batch_lost_with_its_connection_is_counted_and_later_messages_still_arrive_in_order()
    {
        var wire = new FakeWire(failFirst: true);
        var sender = new StreamPeerSender("p", Peer, capacity: 16, wire.SendAsync, NullLogger.Instance);

        sender.TryEnqueue([0]);
        await wire.FirstCall;
        for (byte i = 1; i <= 5; i++)
        {
            sender.TryEnqueue([i]);
        }

        // Completing while the failed batch is being handled would (by design) drop what is still queued: let the
        // retry go out first.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (wire.DeliveredCount < 5 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        sender.Complete();
        await sender.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([1, 2, 3, 4, 5], wire.Delivered);
        Assert.Equal(1, sender.Dropped);
    }

    [Fact]
    public async Task Batches_carry_the_provider_and_at_most_the_batch_limit()
    {
        var wire = new FakeWire(holdFirst: true);
        var sender = new StreamPeerSender("orders", Peer, capacity: 1000, wire.SendAsync, NullLogger.Instance);

        sender.TryEnqueue([0]);
        await wire.FirstCall;
        for (var i = 1; i <= 600; i++)
        {
            sender.TryEnqueue([(byte)(i % 256)]);
        }

        wire.Release();
        sender.Complete();
        await sender.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([1, StreamPeerSender.MaxBatchMessages, StreamPeerSender.MaxBatchMessages, 600 - (2 * StreamPeerSender.MaxBatchMessages)], wire.BatchSizes);
        Assert.All(wire.Providers, p => Assert.Equal("orders", p));
        Assert.Equal(Enumerable.Range(0, 601).Select(i => i % 256), wire.Delivered);
    }

    /// <summary>Records what reaches the "peer"; its first send can wait for <see cref="Release"/> or fail.</summary>
    private sealed class FakeWire(bool holdFirst = false, bool failFirst = false)
    {
        private readonly TaskCompletionSource firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int calls;

        public Task FirstCall => firstCall.Task;

        public List<int> Delivered { get; } = [];

        public int DeliveredCount
        {
            get
            {
                lock (Delivered)
                {
                    return Delivered.Count;
                }
            }
        }

        public List<int> BatchSizes { get; } = [];

        public List<string> Providers { get; } = [];

        public void Release() => released.TrySetResult();

        public async ValueTask<bool> SendAsync(SiloAddress peer, byte[] batch)
        {
            Assert.Equal(Peer, peer);
            var first = Interlocked.Increment(ref calls) == 1;
            if (first)
            {
                firstCall.TrySetResult();
                if (failFirst)
                {
                    throw new SiloUnavailableException("gone", requestSent: false);
                }

                if (holdFirst)
                {
                    await released.Task;
                }
            }

            Record(batch);
            return true;
        }

        private void Record(byte[] batch)
        {
            var reader = new FrameReader(batch);
            Providers.Add(reader.ReadString());
            var count = reader.ReadInt32();
            BatchSizes.Add(count);
            lock (Delivered)
            {
                for (var i = 0; i < count; i++)
                {
                    Delivered.Add(reader.ReadBytes()[0]);
                }
            }
        }
    }
}
