namespace OrleansShop.Runtime.Sql;

/// <summary>SQLite's <c>PRAGMA synchronous</c> for the WAL-mode database.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>
    /// Commits survive a process crash; after a power loss or OS crash the last commits may roll back. The fast default.
    /// </summary>
    Normal,

    /// <summary>Every commit is synced to disk before it completes: survives power loss, at a much lower write rate.</summary>
    Full,
}
