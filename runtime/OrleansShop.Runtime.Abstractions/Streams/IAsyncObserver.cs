namespace OrleansShop.Runtime.Streams;

/// <summary>
/// A stream subscriber. Calls for one subscription never overlap and arrive in stream order; a grain's observer is
/// called in turns of its activation, like a grain call.
/// </summary>
public interface IAsyncObserver<in T>
{
    Task OnNextAsync(T item, StreamSequenceToken? token = null);

    /// <summary>The stream ended for this subscriber (the provider shut down); nothing follows.</summary>
    Task OnCompletedAsync();

    /// <summary>The subscription ended with an error (e.g. <see cref="StreamBufferOverflowException"/>); nothing follows.</summary>
    Task OnErrorAsync(Exception ex);
}
