namespace OrleansShop.Bench.Streams;

/// <summary>Publishes to its own stream (the stream's key is the grain's key); lives on the publishing silo.</summary>
public interface IPublisherGrain : IGrainWithIntegerKey
{
    /// <summary>Publishes <paramref name="count"/> events one after the other, numbered from <paramref name="firstSequence"/>.</summary>
    Task PublishAsync(long firstSequence, int count);
}
