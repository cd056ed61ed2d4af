namespace OrleansShop.Runtime.Streams;

/// <summary>
/// A named source of streams, registered on the silo (e.g. <c>AddMemoryStreams("name")</c>). Grains get it with
/// <c>this.GetStreamProvider(name)</c>; other code resolves it from its services by name.
/// </summary>
public interface IStreamProvider
{
    string Name { get; }

    /// <summary>Whether a subscriber could ask for items published before it subscribed (the memory provider: no).</summary>
    bool IsRewindable { get; }

    IAsyncStream<T> GetStream<T>(StreamId streamId);
}
