namespace OrleansShop.Runtime.Streams;

/// <summary>One subscription to a stream, returned by SubscribeAsync; unsubscribing stops its deliveries.</summary>
public abstract class StreamSubscriptionHandle<T>
{
    public abstract Guid HandleId { get; }

    public abstract StreamId StreamId { get; }

    public abstract string ProviderName { get; }

    /// <summary>
    /// Ends the subscription: once this completes no further item is handed to the observer (one already being handled
    /// may still finish). Idempotent.
    /// </summary>
    public abstract Task UnsubscribeAsync();
}
