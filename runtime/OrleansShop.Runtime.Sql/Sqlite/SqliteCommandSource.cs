using System.Data.Common;
using Microsoft.Data.Sqlite;
using OrleansShop.Runtime.Sql.Execution;

namespace OrleansShop.Runtime.Sql.Sqlite;

/// <summary>
/// Keeps one command per SQL text on a long-lived connection, so each statement is prepared once and only rebound
/// afterwards. Used by one thread at a time (the writer loop, or whoever rented the read connection).
/// </summary>
internal sealed class SqliteCommandSource(SqliteConnection connection) : SqlCommandSource, IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    public override DbCommand Command(string sql)
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
