using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>The test schema's data: a list of items that the mutation appends to and the subscription announces.</summary>
internal sealed class ItemFeed
{
    private readonly List<string> _items = ["apple"];
    private readonly List<Channel<string>> _subscribers = [];
    private readonly Lock _lock = new();

    /// <summary>Completes when the slow resolver saw its request aborted.</summary>
    public TaskCompletionSource SlowResolverCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int SubscriberCount
    {
        get
        {
            lock (_lock)
            {
                return _subscribers.Count;
            }
        }
    }

    public IReadOnlyList<string> Items
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    public IReadOnlyList<string> Add(string name)
    {
        lock (_lock)
        {
            _items.Add(name);
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(name);
            }

            return [.. _items];
        }
    }

    public async IAsyncEnumerable<string> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<string>();
        lock (_lock)
        {
            _subscribers.Add(channel);
        }

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_lock)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
