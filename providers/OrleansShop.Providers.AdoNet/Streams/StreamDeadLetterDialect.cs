using System.Data;
using System.Data.Common;

namespace OrleansShop.Providers.AdoNet;

/// <summary>
/// The statements of <see cref="StreamDeadLetters"/> in one database's SQL. Each takes @ServiceId and @ProviderId, and
/// @QueueId only when it is asked for by queue; the requeue also @DeadBefore, @ExpiryTimeout (seconds) and @BatchSize.
/// </summary>
internal abstract class StreamDeadLetterDialect
{
    public static StreamDeadLetterDialect For(AdoNetDialect dialect) => dialect switch
    {
        AdoNetDialect.PostgreSql => new PostgresStreamDeadLetterDialect(),
        AdoNetDialect.SqlServer => new SqlServerStreamDeadLetterDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "unknown ADO.NET dialect"),
    };

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>The database's clock (UTC), which stamps DeadOn.</summary>
    public abstract string NowSql { get; }

    /// <summary>Per queue: QueueId, count, oldest and newest DeadOn, the earliest RemoveOn; ordered by queue.</summary>
    public abstract string ListSql(bool byQueue, bool deadBefore);

    /// <summary>
    /// Moves up to @BatchSize dead letters dead before @DeadBefore back into the queue table as fresh messages, in one
    /// transaction; answers QueueId and how many it moved, per queue.
    /// </summary>
    public abstract string RequeueSql(bool byQueue);

    /// <summary>A timestamp parameter in the column type DeadOn has.</summary>
    public abstract DbParameter Timestamp(string name, DateTime utc);

    /// <summary>A value read from a timestamp column, as UTC.</summary>
    public static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public static DbParameter Parameter(DbCommand command, string name, object value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        parameter.DbType = type;
        return parameter;
    }
}
