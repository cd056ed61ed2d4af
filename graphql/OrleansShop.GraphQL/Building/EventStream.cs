namespace OrleansShop.GraphQL.Building;

/// <summary>Adapts a typed event stream to the untyped stream the executor consumes.</summary>
internal static class EventStream
{
    public static IAsyncEnumerable<object?> Box<T>(IAsyncEnumerable<T> source) =>
        source as IAsyncEnumerable<object?> ?? BoxCore(source);

    private static async IAsyncEnumerable<object?> BoxCore<T>(
        IAsyncEnumerable<T> source,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
