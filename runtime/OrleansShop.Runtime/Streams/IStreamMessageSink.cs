namespace OrleansShop.Runtime.Streams;

/// <summary>Where a queue adapter hands the messages it receives: the provider's fan-out to this silo's subscribers.</summary>
public interface IStreamMessageSink
{
    /// <summary>Queues the message for every current subscriber of its stream; never waits for a subscriber.</summary>
    void Deliver(StreamMessage message);
}
