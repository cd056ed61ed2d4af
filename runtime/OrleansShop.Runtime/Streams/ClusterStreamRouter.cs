using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Clustering.Transport;
using OrleansShop.Runtime.Diagnostics;

namespace OrleansShop.Runtime.Streams;

/// <summary>
/// The cluster side of memory streams, one per silo: which other silos a published message goes to, and delivery of
/// the batches other silos send to this silo's providers. Inert on a silo without clustering, where streams stay in
/// process. A received batch is delivered on its connection's read loop, so messages from one silo reach the
/// subscribers in the order that silo published them.
/// </summary>
internal sealed class ClusterStreamRouter
{
    private readonly SiloTransport? transport;
    private readonly IClusterMembership? membership;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, IStreamMessageSink> sinks = new(StringComparer.Ordinal);
    private PeerView view = new(null, []);

    public ClusterStreamRouter(SiloTransport? transport, IClusterMembership? membership, ILoggerFactory loggerFactory)
    {
        logger = loggerFactory.CreateLogger("OrleansShop.Runtime.Streams");
        if (transport is null || membership is null)
        {
            return;
        }

        this.transport = transport;
        this.membership = membership;
        Codec = new StreamMessageCodec(transport.SerializerOptions);
        transport.StreamBatchReceived = Receive;
    }

    public bool IsClustered => transport is not null;

    /// <summary>Set when <see cref="IsClustered"/>.</summary>
    public StreamMessageCodec? Codec { get; }

    public void Attach(string provider, IStreamMessageSink sink) => sinks[provider] = sink;

    public void Detach(string provider) => sinks.TryRemove(provider, out _);

    /// <summary>
    /// The other silos that take stream messages by this silo's last read of the table: Active ones, and also
    /// Joining ones (their listener is up and their providers have started, so they miss less while they join) and
    /// ShuttingDown ones (their subscribers are still being served). The same array until the table is read again.
    /// </summary>
    public SiloAddress[] Peers()
    {
        var data = membership!.Current;
        var known = Volatile.Read(ref view);
        if (ReferenceEquals(known.Source, data))
        {
            return known.Peers;
        }

        var local = membership.LocalSilo;
        SiloAddress[] peers = [.. data.Entries
            .Where(e => e.Silo != local && e.Status is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown)
            .Select(e => e.Silo)];
        if (peers.AsSpan().SequenceEqual(known.Peers))
        {
            peers = known.Peers;
        }

        Volatile.Write(ref view, new PeerView(data, peers));
        return peers;
    }

    public ValueTask<bool> SendAsync(SiloAddress peer, byte[] batch) => transport!.SendStreamBatchAsync(peer, batch);

    private void Receive(byte[] batch)
    {
        string provider;
        int count;
        var reader = new FrameReader(batch);
        try
        {
            provider = reader.ReadString();
            count = reader.ReadInt32();
        }
        catch (InvalidDataException exception)
        {
            StreamLog.IncomingBatchUnreadable(logger, exception);
            return;
        }

        // A provider this silo does not have, or has stopped: nobody here can subscribe to it.
        if (!sinks.TryGetValue(provider, out var sink))
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            try
            {
                sink.Deliver(Codec!.DecodeMessage(reader.ReadBytes()));
            }
            catch (InvalidDataException exception)
            {
                // The batch itself is malformed: what follows cannot be found.
                StreamLog.IncomingBatchUnreadable(logger, exception);
                return;
            }
            catch (Exception exception)
            {
                // One item this silo cannot read must neither stop the others nor break the connection's read loop.
                StreamLog.IncomingMessageUnreadable(logger, exception, provider);
            }
        }
    }

    private sealed record PeerView(MembershipTableData? Source, SiloAddress[] Peers);
}
