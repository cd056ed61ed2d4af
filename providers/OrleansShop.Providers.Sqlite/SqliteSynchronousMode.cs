namespace OrleansShop.Providers.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> for the writer connection (the file is always in WAL mode).</summary>
public enum SqliteSynchronousMode
{
    /// <summary>
    /// A commit survives a crash of the process; a power loss may lose the last commits but never corrupts the file.
    /// </summary>
    Normal,

    /// <summary>Every commit is flushed to the device before the writer's task completes; survives a power loss.</summary>
    Full,
}
