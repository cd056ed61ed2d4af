using System.Collections.Concurrent;

namespace OrleansShop.GraphQL.AspNetCore.Persisted;

/// <summary>
/// A per-process store with a bounded number of entries. When full it stops registering new documents rather than evicting:
/// a client whose hash is unknown simply sends the full document again.
/// </summary>
public sealed class InMemoryPersistedOperationStore : IPersistedOperationStore
{
    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public InMemoryPersistedOperationStore(int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    public ValueTask<string?> TryGetAsync(string hash, CancellationToken cancellationToken) =>
        new(_documents.GetValueOrDefault(hash));

    public ValueTask SaveAsync(string hash, string document, CancellationToken cancellationToken)
    {
        if (_documents.Count < _capacity)
        {
            _documents.TryAdd(hash, document);
        }

        return ValueTask.CompletedTask;
    }
}
