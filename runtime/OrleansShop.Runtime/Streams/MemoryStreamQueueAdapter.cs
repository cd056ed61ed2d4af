using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Diagnostics;

namespace OrleansShop.Runtime.Streams;

/// <summary>
/// The in-process "queue": a queued message goes straight to this silo's subscribers. Nothing is stored, so a
/// subscriber sees only what is published while it is subscribed. In a cluster the message also goes, encoded once,
/// to a bounded queue per other silo (<see cref="StreamPeerSender"/>), which sends it over the silo-to-silo
/// connection; each silo hands what it receives to its own subscribers only, so every subscriber gets a message
/// once, and a stream's messages from one publisher in the order published. Delivery to other silos is at most once:
/// a slow or unreachable silo loses messages rather than slowing the publisher.
/// </summary>
internal sealed class MemoryStreamQueueAdapter : IStreamQueueAdapter
{
    // The silo stops its providers before it deactivates its grains: a peer that does not take what is queued for it
    // must not eat the host's stop timeout, which the grains need to persist their state.
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(2);

    private readonly string provider;
    private readonly int peerQueueCapacity;
    private readonly ClusterStreamRouter? cluster;
    private readonly ILogger logger;
    private readonly Lock sendersGate = new();
    private IStreamMessageSink? sink;
    private PeerSenders senders = new([], []);
    private Type? lastUnserializable;

    /// <summary>Without <paramref name="cluster"/>, or when the silo has no clustering, messages stay in process.</summary>
    public MemoryStreamQueueAdapter(string provider, StreamProviderOptions options, ClusterStreamRouter? cluster, ILogger logger)
    {
        this.provider = provider;
        peerQueueCapacity = options.PeerQueueCapacity;
        this.cluster = cluster is { IsClustered: true } ? cluster : null;
        this.logger = logger;
    }

    public bool IsRewindable => false;

    public Task StartAsync(IStreamMessageSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        this.sink = sink;
        cluster?.Attach(provider, sink);
        return Task.CompletedTask;
    }

    public Task QueueMessageAsync(StreamMessage message, CancellationToken cancellationToken)
    {
        var target = Volatile.Read(ref sink) ?? throw new InvalidOperationException("The stream provider has not started: start the silo's host first.");
        target.Deliver(message);
        if (cluster is not null)
        {
            SendToPeers(cluster, message);
        }

        return Task.CompletedTask;
    }

    /// <summary>Sends what is queued for other silos (for at most <see cref="FlushTimeout"/>), then stops.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref sink, null);
        if (cluster is null)
        {
            return;
        }

        cluster.Detach(provider);
        StreamPeerSender[] stopping;
        lock (sendersGate)
        {
            stopping = senders.Senders;
            senders = new PeerSenders([], []);
        }

        foreach (var sender in stopping)
        {
            sender.Complete();
        }

        try
        {
            await Task.WhenAll(stopping.Select(s => s.Completion)).WaitAsync(FlushTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // What is still queued is lost, as with a crash; the senders end when the transport closes their connections.
        }
    }

    private void SendToPeers(ClusterStreamRouter router, StreamMessage message)
    {
        var peers = router.Peers();
        var current = Volatile.Read(ref senders);
        if (!ReferenceEquals(current.Peers, peers))
        {
            current = Follow(peers);
        }

        if (current.Senders.Length == 0)
        {
            return;
        }

        byte[] encoded;
        try
        {
            encoded = router.Codec!.EncodeMessage(message.StreamId, message.Item);
        }
        catch (Exception exception) when (exception is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            // Subscribers in this silo have it already; the publisher must not fail for the others. Logged once per type in a row.
            if (Interlocked.Exchange(ref lastUnserializable, message.Item.GetType()) != message.Item.GetType())
            {
                StreamLog.ItemNotSerializable(logger, exception, provider, message.StreamId, message.Item.GetType().FullName ?? "?");
            }

            return;
        }

        foreach (var sender in current.Senders)
        {
            sender.TryEnqueue(encoded);
        }
    }

    /// <summary>Keeps the sender of every silo still there (its queue and order), starts one per new silo, ends the rest.</summary>
    private PeerSenders Follow(SiloAddress[] peers)
    {
        lock (sendersGate)
        {
            var current = senders;
            if (ReferenceEquals(current.Peers, peers) || Volatile.Read(ref sink) is null)
            {
                return current;
            }

            var kept = current.Senders.ToDictionary(s => s.Peer);
            var next = new StreamPeerSender[peers.Length];
            for (var i = 0; i < peers.Length; i++)
            {
                if (kept.Remove(peers[i], out var sender))
                {
                    next[i] = sender;
                }
                else
                {
                    next[i] = new StreamPeerSender(provider, peers[i], peerQueueCapacity, cluster!.SendAsync, logger);
                }
            }

            foreach (var gone in kept.Values)
            {
                gone.Complete();
            }

            var updated = new PeerSenders(peers, next);
            Volatile.Write(ref senders, updated);
            return updated;
        }
    }

    private sealed record PeerSenders(SiloAddress[] Peers, StreamPeerSender[] Senders);
}
