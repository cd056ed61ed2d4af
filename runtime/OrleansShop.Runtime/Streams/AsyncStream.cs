namespace OrleansShop.Runtime.Streams;

/// <summary>A provider's stream handle: cheap, holds no subscription, may be created per use.</summary>
internal sealed class AsyncStream<T>(StreamProvider provider, StreamId streamId) : IAsyncStream<T>
{
    public StreamId StreamId => streamId;

    public string ProviderName => provider.Name;

    public Task OnNextAsync(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return provider.PublishAsync(streamId, item);
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return Task.FromResult(provider.Subscribe(streamId, observer));
    }

    public Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles() =>
        Task.FromResult(provider.SubscriptionsOfCaller<T>(streamId));
}
