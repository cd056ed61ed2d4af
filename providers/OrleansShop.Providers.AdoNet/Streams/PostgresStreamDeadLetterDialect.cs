using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace OrleansShop.Providers.AdoNet;

internal sealed class PostgresStreamDeadLetterDialect : StreamDeadLetterDialect
{
    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override string NowSql => "SELECT now()";

    public override string ListSql(bool byQueue, bool deadBefore) => $"""
        SELECT QueueId, count(*), min(DeadOn), max(DeadOn), min(RemoveOn)
        FROM OrleansStreamDeadLetter
        WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId{(byQueue ? " AND QueueId = @QueueId" : "")}{(deadBefore ? " AND DeadOn < @DeadBefore" : "")}
        GROUP BY QueueId
        ORDER BY QueueId
        """;

    // One statement, so one transaction: a row is deleted from the dead letters only with its copy inserted. SKIP LOCKED:
    // rows a concurrent requeue (or the readers' eviction of old dead letters) holds are left to it; once it commits they
    // are gone, and a DELETE only returns rows it removed itself, so no row is queued twice. The fresh row gets a new
    // MessageId (the identity): receipts and in-memory state a reader may still hold for the old id never match it.
    public override string RequeueSql(bool byQueue) => $"""
        WITH batch AS
        (
            SELECT QueueId, MessageId FROM OrleansStreamDeadLetter
            WHERE ServiceId = @ServiceId AND ProviderId = @ProviderId{(byQueue ? " AND QueueId = @QueueId" : "")}
              AND DeadOn < @DeadBefore AND Payload IS NOT NULL
            ORDER BY QueueId, MessageId
            LIMIT @BatchSize
            FOR UPDATE SKIP LOCKED
        ),
        moved AS
        (
            DELETE FROM OrleansStreamDeadLetter AS d
            USING batch AS b
            WHERE d.ServiceId = @ServiceId AND d.ProviderId = @ProviderId AND d.QueueId = b.QueueId AND d.MessageId = b.MessageId
            RETURNING d.QueueId, d.MessageId, d.CreatedOn, d.Payload
        ),
        queued AS
        (
            INSERT INTO OrleansStreamMessage (ServiceId, ProviderId, QueueId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload)
            SELECT @ServiceId, @ProviderId, QueueId, 0, now(), now() + @ExpiryTimeout * interval '1 second', CreatedOn, now(), Payload
            FROM moved
            ORDER BY QueueId, MessageId
            RETURNING QueueId
        )
        SELECT QueueId, count(*) FROM queued GROUP BY QueueId ORDER BY QueueId
        """;

    public override DbParameter Timestamp(string name, DateTime utc) =>
        new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = utc };
}
