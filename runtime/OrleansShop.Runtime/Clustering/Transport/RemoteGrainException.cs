namespace OrleansShop.Runtime.Clustering;

/// <summary>A grain on another silo threw an exception whose type this silo cannot recreate; its type name and message are kept.</summary>
public sealed class RemoteGrainException : Exception
{
    public RemoteGrainException()
    {
    }

    public RemoteGrainException(string message)
        : base(message)
    {
    }

    public RemoteGrainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RemoteGrainException(string remoteType, string message)
        : base($"{remoteType}: {message}") => RemoteType = remoteType;

    public string? RemoteType { get; }
}
