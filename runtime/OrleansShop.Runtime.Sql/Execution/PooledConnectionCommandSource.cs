using System.Data.Common;

namespace OrleansShop.Runtime.Sql.Execution;

/// <summary>Creates a fresh command per request on a pooled connection and disposes them all at the end of the unit.</summary>
internal sealed class PooledConnectionCommandSource(DbConnection connection) : SqlCommandSource, IAsyncDisposable
{
    private readonly List<DbCommand> _commands = [];

    public override DbCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        _commands.Add(command);
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
    }
}
