namespace OrleansShop.Providers.Sqlite.Database;

/// <summary>
/// The outcome of a conditional write or clear: on success the row's new version (null when no row is left), on
/// conflict the version found in storage (null when there is no row) and nothing changed.
/// </summary>
internal readonly record struct GrainStateWriteResult(bool Succeeded, long? Version)
{
    public static GrainStateWriteResult Success(long? version) => new(true, version);

    public static GrainStateWriteResult Conflict(long? storedVersion) => new(false, storedVersion);
}
