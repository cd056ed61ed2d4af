namespace OrleansShop.Runtime.Storage;

/// <summary>The state a storage provider reads into and writes from, with the ETag it last saw.</summary>
public interface IGrainState<T>
{
    T State { get; set; }

    /// <summary>The stored version as a string; null when no row exists (or was never read).</summary>
    string? ETag { get; set; }

    bool RecordExists { get; set; }
}
