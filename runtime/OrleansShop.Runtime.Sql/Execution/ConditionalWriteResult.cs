namespace OrleansShop.Runtime.Sql.Execution;

/// <summary>
/// The outcome of a write conditional on a version: on success the row's new version (null when the row is gone),
/// on conflict the version found instead (null when there is no row).
/// </summary>
internal readonly record struct ConditionalWriteResult(bool Succeeded, long? Version)
{
    public static ConditionalWriteResult Success(long? newVersion) => new(true, newVersion);

    public static ConditionalWriteResult Conflict(long? storedVersion) => new(false, storedVersion);
}
