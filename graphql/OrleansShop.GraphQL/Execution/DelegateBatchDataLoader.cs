namespace OrleansShop.GraphQL.Execution;

/// <summary>A batch DataLoader whose fetch is a delegate (see <see cref="IResolverContext.BatchDataLoader{TKey, TValue}"/>).</summary>
internal sealed class DelegateBatchDataLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch) : BatchDataLoader<TKey, TValue>
    where TKey : notnull
{
    protected override Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken) =>
        fetch(keys, cancellationToken);
}
