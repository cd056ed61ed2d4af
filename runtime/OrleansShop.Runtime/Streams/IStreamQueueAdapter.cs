namespace OrleansShop.Runtime.Streams;

/// <summary>
/// The seam between a stream provider and what carries its messages (Orleans' queue adapter). Publishing queues a
/// message here; the adapter hands every message it receives to the sink it was started with. The memory adapter does
/// both at once in process (and in a cluster also sends the message to the other silos, whose memory adapters hand it
/// to their sinks); a durable one writes to a queue or table and has a receiving loop that reads it back.
/// </summary>
public interface IStreamQueueAdapter
{
    /// <summary>Whether messages stay readable after delivery, so a subscriber could start from an earlier token.</summary>
    bool IsRewindable { get; }

    /// <summary>Called once when the silo starts, before any message is queued through the silo.</summary>
    Task StartAsync(IStreamMessageSink sink, CancellationToken cancellationToken);

    /// <summary>Completes once the message is accepted (for a durable adapter: stored); never waits for subscribers.</summary>
    Task QueueMessageAsync(StreamMessage message, CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);
}
