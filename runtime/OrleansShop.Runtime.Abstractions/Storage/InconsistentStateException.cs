namespace OrleansShop.Runtime.Storage;

/// <summary>
/// A write or clear found a different version in storage than the one the activation read: another writer got
/// there first. The runtime deactivates the activation that saw this so the next call reloads current state.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The version found in storage, if any.</summary>
    public string? StoredEtag { get; }

    /// <summary>The version the activation held.</summary>
    public string? CurrentEtag { get; }
}
