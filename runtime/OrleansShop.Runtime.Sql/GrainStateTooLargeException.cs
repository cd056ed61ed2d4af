namespace OrleansShop.Runtime.Sql;

/// <summary>A state's serialized form exceeds the provider's <see cref="SqlStorageOptions.MaxPayloadBytes"/>; nothing was written.</summary>
public sealed class GrainStateTooLargeException : Exception
{
    public GrainStateTooLargeException(string message, long payloadBytes, long maxPayloadBytes)
        : base(message)
    {
        PayloadBytes = payloadBytes;
        MaxPayloadBytes = maxPayloadBytes;
    }

    public GrainStateTooLargeException()
    {
    }

    public GrainStateTooLargeException(string message)
        : base(message)
    {
    }

    public GrainStateTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long PayloadBytes { get; }

    public long MaxPayloadBytes { get; }
}
