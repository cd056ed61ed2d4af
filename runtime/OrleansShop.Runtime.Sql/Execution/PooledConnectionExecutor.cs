using System.Data.Common;

namespace OrleansShop.Runtime.Sql.Execution;

/// <summary>
/// Runs each unit on its own connection from the driver's pool (PostgreSQL, SQL Server): the server handles
/// concurrent writers itself, and every statement the units issue is a single auto-committed statement.
/// </summary>
internal sealed class PooledConnectionExecutor(Func<DbConnection> createConnection) : ISqlExecutor
{
    public async ValueTask<T> ReadAsync<T>(Func<SqlCommandSource, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken) =>
        await RunAsync(work, cancellationToken).ConfigureAwait(false);

    public async ValueTask<T> ReadAsync<TArgument, T>(
        Func<SqlCommandSource, TArgument, CancellationToken, ValueTask<T>> work, TArgument argument, CancellationToken cancellationToken) =>
        await RunAsync((commands, ct) => work(commands, argument, ct), cancellationToken).ConfigureAwait(false);

    public Task<T> WriteAsync<T>(Func<SqlCommandSource, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<T> RunAsync<T>(Func<SqlCommandSource, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = createConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var commands = new PooledConnectionCommandSource(connection);
        return await work(commands, cancellationToken).ConfigureAwait(false);
    }
}
