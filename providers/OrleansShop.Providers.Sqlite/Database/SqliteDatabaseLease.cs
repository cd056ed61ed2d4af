namespace OrleansShop.Providers.Sqlite.Database;

/// <summary>
/// One provider's hold on a database file, taken on first use (so a silo that never touches the store opens nothing)
/// and given back on dispose, after the queued writes commit. Grain storage and the reminder table on the same file
/// each hold one lease of the same <see cref="SqliteDatabase"/>.
/// </summary>
internal sealed class SqliteDatabaseLease(string databasePath, SqliteSynchronousMode synchronous, Action<SqliteDatabase>? opened = null)
    : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private SqliteDatabase? _database;

    public SqliteDatabase Database
    {
        get
        {
            var database = Volatile.Read(ref _database);
            if (database is not null)
            {
                return database;
            }

            lock (_gate)
            {
                if (_database is null)
                {
                    _database = SqliteDatabase.Acquire(databasePath, synchronous);
                    opened?.Invoke(_database);
                }

                return _database;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        SqliteDatabase? database;
        lock (_gate)
        {
            database = _database;
            _database = null;
        }

        if (database is not null)
        {
            await database.DisposeAsync().ConfigureAwait(false);
        }
    }
}
