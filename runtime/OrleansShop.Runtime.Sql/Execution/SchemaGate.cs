namespace OrleansShop.Runtime.Sql.Execution;

/// <summary>
/// Runs the schema migration once before a provider's first operation (when enabled). A failed migration is retried
/// by the next operation rather than remembered, so a database that was briefly unreachable at start-up recovers.
/// </summary>
internal sealed class SchemaGate(SqlSchemaMigrator migrator, bool migrate)
{
    private readonly Lock _gate = new();
    private Task? _migration = migrate ? null : Task.CompletedTask;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        var migration = _migration;
        if (migration is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled)
            {
                // Not tied to one caller's token: other callers may be waiting on the same migration.
                _migration = migrator.MigrateAsync(CancellationToken.None);
            }

            return _migration.WaitAsync(cancellationToken);
        }
    }
}
