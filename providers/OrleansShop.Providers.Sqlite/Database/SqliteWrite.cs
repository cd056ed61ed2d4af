namespace OrleansShop.Providers.Sqlite.Database;

internal sealed class SqliteWrite<TArgument, T> : ISqliteWrite
{
    private const int Queued = 0;
    private const int Started = 1;
    private const int Cancelled = 2;

    private readonly Func<SqliteCommandSource, TArgument, T> _work;
    private readonly TArgument _argument;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _cancellation;
    private int _state;
    private T? _result;

    public SqliteWrite(Func<SqliteCommandSource, TArgument, T> work, TArgument argument, CancellationToken cancellationToken)
    {
        _work = work;
        _argument = argument;
        if (cancellationToken.CanBeCanceled)
        {
            // Cancellation only wins while the write is still queued: once it runs, its commit decides the outcome,
            // so a caller is never told "cancelled" about a write that was in fact made durable.
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var write = (SqliteWrite<TArgument, T>)state!;
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

    public void Execute(SqliteCommandSource commands) => _result = _work(commands, _argument);

    public void Complete() => _completion.TrySetResult(_result!);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
