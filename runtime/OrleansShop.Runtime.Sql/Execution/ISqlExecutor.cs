namespace OrleansShop.Runtime.Sql.Execution;

/// <summary>
/// Runs units of SQL work on a connection. A write unit may be run more than once (after a rolled-back batch), so it
/// must derive its result from what it reads and writes, never from side effects outside the database.
/// </summary>
internal interface ISqlExecutor : IAsyncDisposable
{
    ValueTask<T> ReadAsync<T>(Func<SqlCommandSource, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken);

    /// <summary>As the other overload, with the unit's argument passed in: a static lambda then allocates no closure per read.</summary>
    ValueTask<T> ReadAsync<TArgument, T>(
        Func<SqlCommandSource, TArgument, CancellationToken, ValueTask<T>> work, TArgument argument, CancellationToken cancellationToken);

    /// <summary>Completes only once the unit's changes are committed.</summary>
    Task<T> WriteAsync<T>(Func<SqlCommandSource, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken);
}
