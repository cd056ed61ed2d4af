namespace OrleansShop.Runtime.Placement;

/// <summary>
/// A silo refused to activate a directory-placed grain because the grain directory already names another
/// activation of it (another caller placed it first). The runtime's own callers look the grain up again and retry
/// there; it reaches application code only if that keeps failing until the call's timeout.
/// </summary>
public sealed class DuplicateActivationException : Exception
{
    public DuplicateActivationException()
    {
    }

    public DuplicateActivationException(string message)
        : base(message)
    {
    }

    public DuplicateActivationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
