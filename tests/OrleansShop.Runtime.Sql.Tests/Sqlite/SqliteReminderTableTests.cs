using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Sqlite;

public sealed class SqliteReminderTableTests : ReminderTableContract
{
    private readonly TemporaryDirectory _directory = new();

    protected override SqlReminderTable NewTable(Action<SqlStorageOptions>? configure = null)
    {
        var options = new SqliteStorageOptions { DataDirectory = _directory.Path, ReadConnections = 1 };
        configure?.Invoke(options);
        return Track(SqlReminderTable.CreateSqlite(options));
    }

    protected override ValueTask DisposeDatabaseAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
