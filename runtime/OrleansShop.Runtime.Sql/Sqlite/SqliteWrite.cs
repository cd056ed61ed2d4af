using OrleansShop.Runtime.Sql.Execution;

namespace OrleansShop.Runtime.Sql.Sqlite;

internal sealed class SqliteWrite<T> : ISqliteWrite
{
    private const int Queued = 0;
    private const int Started = 1;
    private const int Cancelled = 2;

    private readonly Func<SqlCommandSource, CancellationToken, ValueTask<T>> _work;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _cancellation;
    private int _state;
    private T? _result;

    public SqliteWrite(Func<SqlCommandSource, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        _work = work;
        if (cancellationToken.CanBeCanceled)
        {
            // Cancellation only wins while the write is still queued: once it runs, its commit decides the outcome,
            // so a caller is never told "cancelled" about a write that was in fact made durable.
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var write = (SqliteWrite<T>)state!;
                    if (Interlocked.CompareExchange(ref write._state, Cancelled, Queued) == Queued)
                    {
                        write._completion.TrySetCanceled(token);
                    }
                },
                this);
        }
    }

    public Task<T> Task => _completion.Task;

    public bool TryStart()
    {
        var started = Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;
        if (started)
        {
            _cancellation.Dispose();
        }

        return started;
    }

    public async ValueTask ExecuteAsync(SqlCommandSource commands) =>
        _result = await _work(commands, CancellationToken.None).ConfigureAwait(false);

    public void Complete() => _completion.TrySetResult(_result!);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
