namespace OrleansShop.Runtime.Streams;

/// <summary>Settings of one stream provider, named after it (<c>AddMemoryStreams(name, o => ...)</c>).</summary>
public sealed class StreamProviderOptions
{
    /// <summary>
    /// How many items may wait for one subscriber. A subscriber this far behind is cut off rather than slowing the
    /// publisher or growing memory without bound: it gets the items it already has, then OnErrorAsync with a
    /// <see cref="StreamBufferOverflowException"/>, and its subscription ends.
    /// </summary>
    public int SubscriberBufferCapacity { get; set; } = 1024;

    /// <summary>
    /// Memory streams in a cluster: how many messages may wait to be sent to one other silo. Past it, messages for
    /// that silo are dropped (counted and logged) rather than slowing the publisher or growing memory without bound.
    /// </summary>
    public int PeerQueueCapacity { get; set; } = 8192;
}
