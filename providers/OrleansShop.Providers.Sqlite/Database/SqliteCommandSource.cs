using Microsoft.Data.Sqlite;

namespace OrleansShop.Providers.Sqlite.Database;

/// <summary>
/// Keeps one command per SQL text on a long-lived connection, so each statement is prepared once and only rebound
/// afterwards. Used by one thread at a time (the writer loop, or whoever rented a read connection).
/// </summary>
internal sealed class SqliteCommandSource(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    /// <summary>The command for this SQL text with its parameters cleared.</summary>
    public SqliteCommand Command(string sql)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            return command;
        }

        command = connection.CreateCommand();
        command.CommandText = sql;
        _commands.Add(sql, command);
        return command;
    }

    public void Execute(string sql) => Command(sql).ExecuteNonQuery();

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        connection.Dispose();
    }
}
