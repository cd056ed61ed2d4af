using OrleansShop.Runtime.Activations;

namespace OrleansShop.Runtime.Streams;

/// <summary>A subscription as its stream's fan-out sees it, whatever the item type.</summary>
internal interface IStreamSubscription
{
    StreamId StreamId { get; }

    /// <summary>The subscribing activation, or null for a subscriber outside grains.</summary>
    Activation? Subscriber { get; }

    /// <summary>The subscription's delivery loop; completes once nothing more will be delivered.</summary>
    Task Completion { get; }

    /// <summary>Buffers the item for delivery; false when the buffer is full, which ends the subscription (overflow).</summary>
    bool Offer(object item, StreamSequenceToken token);

    /// <summary>Ends the subscription after delivering what is buffered, then calls OnCompletedAsync.</summary>
    void Complete();
}
