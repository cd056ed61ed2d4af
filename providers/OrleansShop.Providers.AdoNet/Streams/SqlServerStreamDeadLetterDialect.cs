using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace OrleansShop.Providers.AdoNet;

/// <remarks>Written to match the PostgreSQL statements; no SQL Server runs in this project's tests, so it is untested.</remarks>
internal sealed class SqlServerStreamDeadLetterDialect : StreamDeadLetterDialect
{
    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override string NowSql => "SELECT SYSUTCDATETIME()";

    public override string ListSql(bool byQueue, bool deadBefore) => $"""
        SELECT QueueId, COUNT_BIG(*), MIN(DeadOn), MAX(DeadOn), MIN(RemoveOn)
        FROM OrleansStreamDeadLetter
        WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId{(byQueue ? " AND QueueId = @QueueId" : "")}{(deadBefore ? " AND DeadOn < @DeadBefore" : "")}
        GROUP BY QueueId
        ORDER BY QueueId
        """;

    // The delete and the insert in one transaction (XACT_ABORT rolls back both on any error). READPAST leaves rows a
    // concurrent requeue or eviction holds to it; UPDLOCK keeps two requeues from reading the same row before either
    // deletes it. INSERT ... SELECT ... ORDER BY assigns the new identities in the old rows' order.
    public override string RequeueSql(bool byQueue) => $"""
        SET NOCOUNT ON;
        SET XACT_ABORT ON;
        DECLARE @Now DATETIME2(6) = SYSUTCDATETIME();
        DECLARE @Moved TABLE (QueueId NVARCHAR(150) NOT NULL, MessageId BIGINT NOT NULL, CreatedOn DATETIME2(6) NOT NULL, Payload VARBINARY(MAX) NOT NULL);
        BEGIN TRANSACTION;
        WITH batch AS
        (
            SELECT TOP (@BatchSize) QueueId, MessageId, CreatedOn, Payload
            FROM OrleansStreamDeadLetter WITH (ROWLOCK, UPDLOCK, READPAST)
            WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId{(byQueue ? " AND QueueId = @QueueId" : "")}
              AND DeadOn < @DeadBefore AND Payload IS NOT NULL
            ORDER BY QueueId, MessageId
        )
        DELETE FROM batch
        OUTPUT deleted.QueueId, deleted.MessageId, deleted.CreatedOn, deleted.Payload INTO @Moved;
        INSERT INTO OrleansStreamMessage (ServiceId, ProviderId, QueueId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload)
        SELECT @ServiceId, @ProviderId, QueueId, 0, @Now, DATEADD(SECOND, @ExpiryTimeout, @Now), CreatedOn, @Now, Payload
        FROM @Moved
        ORDER BY QueueId, MessageId;
        COMMIT TRANSACTION;
        SELECT QueueId, COUNT_BIG(*) FROM @Moved GROUP BY QueueId ORDER BY QueueId;
        """;

    public override DbParameter Timestamp(string name, DateTime utc) =>
        new SqlParameter(name, SqlDbType.DateTime2) { Scale = 6, Value = DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) };
}
