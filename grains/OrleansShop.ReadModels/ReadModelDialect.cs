namespace OrleansShop.ReadModels;

/// <summary>The SQL dialects the read models are written for.</summary>
public enum ReadModelDialect
{
    /// <summary>Embedded mode: a SQLite file of its own next to the grain storage file (FTS5 for search).</summary>
    Sqlite,

    /// <summary>Clusters: tables in the shared PostgreSQL database (built-in full-text search).</summary>
    Postgres,
}
