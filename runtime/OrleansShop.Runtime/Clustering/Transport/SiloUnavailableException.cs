namespace OrleansShop.Runtime.Clustering;

/// <summary>
/// A grain call to another silo could not complete because the connection to that silo failed or was lost.
/// <see cref="RequestSent"/> says whether the request may have reached it (then the call may or may not have run).
/// </summary>
public sealed class SiloUnavailableException : Exception
{
    public SiloUnavailableException()
    {
    }

    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    public SiloUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SiloUnavailableException(string message, bool requestSent, Exception? innerException = null)
        : base(message, innerException)
    {
        RequestSent = requestSent;
    }

    public bool RequestSent { get; }
}
