namespace OrleansShop.Runtime.Streams;

/// <summary>
/// The subscribers of one stream in this silo. Publishing numbers and buffers an item for every subscriber under one
/// lock, so all of them see a stream's items in the same order. Only non-blocking buffer writes happen under it.
/// </summary>
internal sealed class StreamTopic
{
    private readonly Lock gate = new();
    private IStreamSubscription[] subscribers = [];
    private bool retired;

    public IStreamSubscription[] Subscribers => Volatile.Read(ref subscribers);

    /// <summary>False when the topic was retired (its last subscriber left): look it up again.</summary>
    public bool TryAdd(IStreamSubscription subscription)
    {
        lock (gate)
        {
            if (retired)
            {
                return false;
            }

            subscribers = [.. subscribers, subscription];
            return true;
        }
    }

    /// <summary>Removes the subscription; true when that retired the topic (nobody is left).</summary>
    public bool Remove(IStreamSubscription subscription)
    {
        lock (gate)
        {
            var index = Array.IndexOf(subscribers, subscription);
            if (index >= 0)
            {
                subscribers = [.. subscribers[..index], .. subscribers[(index + 1)..]];
            }

            return RetireIfEmptyLocked();
        }
    }

    /// <summary>
    /// Buffers the item for every subscriber; numbers it from <paramref name="sequence"/> when the adapter did not.
    /// Returns true when overflowing subscribers were dropped and that retired the topic.
    /// </summary>
    public bool Publish(object item, StreamSequenceToken? token, ref long sequence)
    {
        lock (gate)
        {
            if (subscribers.Length == 0)
            {
                return false;
            }

            token ??= new StreamSequenceToken(Interlocked.Increment(ref sequence));
            List<IStreamSubscription>? overflowed = null;
            foreach (var subscription in subscribers)
            {
                if (!subscription.Offer(item, token))
                {
                    (overflowed ??= []).Add(subscription);
                }
            }

            if (overflowed is null)
            {
                return false;
            }

            subscribers = [.. subscribers.Except(overflowed)];
            return RetireIfEmptyLocked();
        }
    }

    private bool RetireIfEmptyLocked()
    {
        if (subscribers.Length > 0 || retired)
        {
            return false;
        }

        retired = true;
        return true;
    }
}
