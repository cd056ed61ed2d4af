namespace OrleansShop.Runtime.Streams;

/// <summary>
/// Where an item sits in its stream: later items of one stream have larger numbers, so a subscriber can tell a gap
/// (an overflow, a missed event) from a repeat. A durable provider would put its queue offset here.
/// </summary>
public sealed record StreamSequenceToken(long SequenceNumber) : IComparable<StreamSequenceToken>
{
    public int CompareTo(StreamSequenceToken? other) => other is null ? 1 : SequenceNumber.CompareTo(other.SequenceNumber);
}
