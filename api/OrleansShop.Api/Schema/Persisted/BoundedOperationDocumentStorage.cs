using HotChocolate.Execution;
using HotChocolate.Language;
using HotChocolate.PersistedOperations;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Automatic persisted operations' documents, in memory and bounded: clients register any document they like, so the
/// least recently used ones make room once <see cref="Capacity"/> are held (HotChocolate's store packages are not served).
/// A client whose hash was dropped gets PersistedOperationNotFound and sends the document again, as the protocol expects.
/// </summary>
internal sealed class BoundedOperationDocumentStorage : IOperationDocumentStorage
{
    public const int Capacity = 10_000;

    private readonly Dictionary<string, LinkedListNode<(string Id, IOperationDocument Document)>> byId = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, IOperationDocument Document)> recency = new();
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byId.Count;
            }
        }
    }

    public ValueTask<IOperationDocument?> TryReadAsync(OperationDocumentId documentId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (documentId.Value is not { } id || !byId.TryGetValue(id, out var node))
            {
                return ValueTask.FromResult<IOperationDocument?>(null);
            }

            recency.Remove(node);
            recency.AddFirst(node);
            return ValueTask.FromResult<IOperationDocument?>(node.Value.Document);
        }
    }

    public ValueTask SaveAsync(OperationDocumentId documentId, IOperationDocument document, CancellationToken cancellationToken = default)
    {
        if (documentId.Value is not { } id)
        {
            return ValueTask.CompletedTask;
        }

        lock (gate)
        {
            if (byId.ContainsKey(id))
            {
                return ValueTask.CompletedTask;
            }

            if (byId.Count >= Capacity && recency.Last is { } oldest)
            {
                recency.RemoveLast();
                byId.Remove(oldest.Value.Id);
            }

            byId[id] = recency.AddFirst((id, document));
        }

        return ValueTask.CompletedTask;
    }
}
