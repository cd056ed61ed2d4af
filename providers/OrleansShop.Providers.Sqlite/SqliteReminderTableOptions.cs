namespace OrleansShop.Providers.Sqlite;

/// <summary>Options of the SQLite reminder table.</summary>
public sealed class SqliteReminderTableOptions
{
    /// <summary>
    /// The database file; created with its folder when missing. Required. May be the grain storage's file: both then
    /// share one writer connection.
    /// </summary>
    public string? DatabasePath { get; set; }
}
