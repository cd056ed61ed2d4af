namespace OrleansShop.GraphQL.AspNetCore.Persisted;

/// <summary>
/// Operation documents by their SHA-256 hash (lower-case hex), for persisted operations and Apollo automatic persisted queries.
/// A durable store (SQL, a distributed cache) lets every API instance answer a hash that another one registered.
/// </summary>
public interface IPersistedOperationStore
{
    /// <summary>The document registered under <paramref name="hash"/>, or null.</summary>
    ValueTask<string?> TryGetAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Registers a document whose hash the transport has verified.</summary>
    ValueTask SaveAsync(string hash, string document, CancellationToken cancellationToken);
}
