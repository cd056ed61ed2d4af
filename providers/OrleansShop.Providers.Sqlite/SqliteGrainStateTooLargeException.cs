using Orleans.Runtime;

namespace OrleansShop.Providers.Sqlite;

/// <summary>A grain's state serialized to more bytes than the provider's MaxPayloadBytes; nothing was written.</summary>
[GenerateSerializer]
public sealed class SqliteGrainStateTooLargeException : OrleansException
{
    public SqliteGrainStateTooLargeException()
    {
    }

    public SqliteGrainStateTooLargeException(string message)
        : base(message)
    {
    }

    public SqliteGrainStateTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SqliteGrainStateTooLargeException(string message, int payloadBytes, int maxPayloadBytes)
        : base(message)
    {
        PayloadBytes = payloadBytes;
        MaxPayloadBytes = maxPayloadBytes;
    }

    [Id(0)]
    public int PayloadBytes { get; }

    [Id(1)]
    public int MaxPayloadBytes { get; }
}
