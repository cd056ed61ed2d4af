namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>
/// Parsed and validated documents by hash, bounded, least recently used dropped first. A plain lock: the critical sections are a
/// dictionary lookup and a list splice, far cheaper than the parse and validation they save.
/// </summary>
internal sealed class DocumentCache(int capacity)
{
    private readonly Dictionary<DocumentHash, LinkedListNode<(DocumentHash Hash, CachedDocument Document)>> _entries = [];
    private readonly LinkedList<(DocumentHash Hash, CachedDocument Document)> _recency = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(DocumentHash hash, out CachedDocument document)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(hash, out var node))
            {
                if (node != _recency.First)
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                }

                document = node.Value.Document;
                return true;
            }
        }

        document = null!;
        return false;
    }

    public void Add(DocumentHash hash, CachedDocument document)
    {
        if (capacity == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.ContainsKey(hash))
            {
                return;
            }

            if (_entries.Count >= capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Hash);
            }

            _entries[hash] = _recency.AddFirst((hash, document));
        }
    }
}
