namespace OrleansShop.Runtime.Streams;

/// <summary>
/// One published item on its way from a publisher through a queue adapter to the stream's subscribers. A durable
/// adapter serializes <see cref="Item"/> (with its type) and fills <see cref="Token"/> with its queue position.
/// </summary>
public sealed record StreamMessage(StreamId StreamId, object Item, StreamSequenceToken? Token);
