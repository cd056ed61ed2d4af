namespace OrleansShop.Runtime;

/// <summary>
/// A call would wait forever: its target is a non-reentrant activation that is itself waiting, further up the call
/// chain, for this call to finish. Thrown to the caller at once instead of letting the chain time out.
/// </summary>
public sealed class DeadlockException : Exception
{
    public DeadlockException()
    {
    }

    public DeadlockException(string message)
        : base(message)
    {
    }

    public DeadlockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
