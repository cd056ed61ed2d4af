namespace OrleansShop.Runtime.Streams;

/// <summary>One stream of a provider: publish to it, subscribe to it.</summary>
public interface IAsyncStream<T>
{
    StreamId StreamId { get; }

    string ProviderName { get; }

    /// <summary>
    /// Publishes <paramref name="item"/> to every current subscriber. Completes when the provider has accepted the item
    /// (queued it), never waiting for subscribers to process it; a subscriber's failure never reaches the publisher.
    /// </summary>
    Task OnNextAsync(T item);

    /// <summary>Subscribes <paramref name="observer"/>; called inside a grain turn, deliveries run as turns of that activation.</summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer);

    /// <summary>The caller's subscriptions to this stream: the calling grain activation's, or, outside grains, those made outside grains.</summary>
    Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles();
}
