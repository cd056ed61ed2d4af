namespace OrleansShop.Runtime.Streams;

/// <summary>Subscribing with delegates instead of an <see cref="IAsyncObserver{T}"/> (Orleans' AsyncObservableExtensions).</summary>
public static class AsyncObservableExtensions
{
    public static Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(
        this IAsyncStream<T> stream,
        Func<T, StreamSequenceToken?, Task> onNextAsync,
        Func<Exception, Task>? onErrorAsync = null,
        Func<Task>? onCompletedAsync = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(onNextAsync);
        return stream.SubscribeAsync(new DelegateAsyncObserver<T>(onNextAsync, onErrorAsync, onCompletedAsync));
    }

    public static Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(this IAsyncStream<T> stream, Func<T, Task> onNextAsync)
    {
        ArgumentNullException.ThrowIfNull(onNextAsync);
        return stream.SubscribeAsync((item, _) => onNextAsync(item));
    }
}
