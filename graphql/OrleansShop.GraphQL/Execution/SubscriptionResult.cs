namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// The outcome of starting a subscription (spec 6.2.3): either a stream of results, one per event, or an error result when the
/// subscription could not start (bad variables, failing source stream).
/// </summary>
public sealed class SubscriptionResult
{
    internal SubscriptionResult(IAsyncEnumerable<ExecutionResult>? stream, ExecutionResult? error)
    {
        Stream = stream;
        Error = error;
    }

    /// <summary>The results, one per event; null when <see cref="Error"/> is set.</summary>
    public IAsyncEnumerable<ExecutionResult>? Stream { get; }

    /// <summary>The request error that prevented the subscription; null when it started.</summary>
    public ExecutionResult? Error { get; }
}
