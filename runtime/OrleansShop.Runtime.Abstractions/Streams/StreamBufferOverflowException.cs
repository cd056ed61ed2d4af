namespace OrleansShop.Runtime.Streams;

/// <summary>
/// Ends a subscription whose subscriber fell so far behind that its buffer filled up: the items before the overflow
/// were delivered, the rest were not. The subscriber can re-read the current state and subscribe again.
/// </summary>
public sealed class StreamBufferOverflowException : Exception
{
    public StreamBufferOverflowException()
        : this("The subscriber fell behind and its stream buffer overflowed.")
    {
    }

    public StreamBufferOverflowException(string message)
        : base(message)
    {
    }

    public StreamBufferOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StreamBufferOverflowException(StreamId streamId, int capacity, StreamSequenceToken? lastAccepted)
        : base($"The subscriber of stream {streamId} fell {capacity} items behind; its subscription ended after item {lastAccepted?.SequenceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}.")
    {
        StreamId = streamId;
    }

    public StreamId StreamId { get; }
}
