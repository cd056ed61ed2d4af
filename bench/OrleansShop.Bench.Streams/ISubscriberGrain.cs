namespace OrleansShop.Bench.Streams;

/// <summary>The implicit subscriber of one publisher's stream (its key is the stream's key).</summary>
public interface ISubscriberGrain : IGrainWithStringKey
{
}
