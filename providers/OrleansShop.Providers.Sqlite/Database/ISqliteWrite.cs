namespace OrleansShop.Providers.Sqlite.Database;

/// <summary>A queued write: run inside the writer's batch transaction, completed only after that transaction commits.</summary>
internal interface ISqliteWrite
{
    /// <summary>Claims the write for execution; false when its caller cancelled it while it was queued.</summary>
    bool TryStart();

    void Execute(SqliteCommandSource commands);

    /// <summary>Hands the caller the result of the last execution; called after commit.</summary>
    void Complete();

    void Fail(Exception exception);
}
