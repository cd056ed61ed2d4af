using System.Data;
using System.Data.Common;

namespace OrleansShop.Providers.AdoNet;

/// <summary>
/// The dead letters of Orleans' ADO.NET streams (<c>OrleansStreamDeadLetter</c>, schema script 5): the events the readers
/// gave up on, unconsumed within their expiry or read too many times. Orleans only deletes them (at RemoveOn); this lists
/// them per queue and puts them back into <c>OrleansStreamMessage</c>, where the readers take them as newly published
/// events: visible at once, a fresh expiry, no reads counted, a new MessageId.
/// </summary>
public sealed class StreamDeadLetters
{
    /// <summary>Rows moved per transaction: a large backlog is moved in steps, without one long lock on it all.</summary>
    public const int BatchSize = 1000;

    private const int CommandTimeoutSeconds = 120;

    private readonly StreamDeadLetterDialect _dialect;
    private readonly string _connectionString;
    private readonly string _serviceId;
    private readonly string _providerId;

    /// <param name="serviceId">The cluster's Orleans ServiceId, which the stream rows carry.</param>
    /// <param name="providerId">The stream provider's name.</param>
    public StreamDeadLetters(AdoNetDialect dialect, string connectionString, string serviceId, string providerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerId);
        _dialect = StreamDeadLetterDialect.For(dialect);
        _connectionString = connectionString;
        _serviceId = serviceId;
        _providerId = providerId;
    }

    /// <summary>The queues holding dead letters that <paramref name="filter"/> takes, by queue name.</summary>
    public async Task<IReadOnlyList<StreamDeadLetterQueue>> ListAsync(StreamDeadLetterFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = _dialect.CreateConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, _dialect.ListSql(filter.QueueId is not null, filter.DeadBefore is not null), filter.QueueId);
        if (filter.DeadBefore is { } deadBefore)
        {
            command.Parameters.Add(_dialect.Timestamp("DeadBefore", deadBefore.UtcDateTime));
        }

        var queues = new List<StreamDeadLetterQueue>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            queues.Add(new StreamDeadLetterQueue(
                reader.GetString(0),
                reader.GetInt64(1),
                StreamDeadLetterDialect.Utc(reader.GetDateTime(2)),
                StreamDeadLetterDialect.Utc(reader.GetDateTime(3)),
                StreamDeadLetterDialect.Utc(reader.GetDateTime(4))));
        }

        return queues;
    }

    /// <summary>
    /// Moves the dead letters <paramref name="filter"/> takes back into their queues, each with
    /// <paramref name="expiryTimeout"/> to be consumed in; answers how many moved, by queue name. Safe beside running
    /// readers and beside another requeue: each dead letter is moved once, by one of them, or stays where it is.
    /// </summary>
    /// <remarks>
    /// Only dead letters dead before this call began are taken (or before <see cref="StreamDeadLetterFilter.DeadBefore"/>,
    /// if earlier): an event that dies again while this runs (its consumer still failing) stays a dead letter instead of
    /// going round for ever.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, long>> RequeueAsync(StreamDeadLetterFilter filter, TimeSpan expiryTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(expiryTimeout, TimeSpan.FromSeconds(1));
        await using var connection = _dialect.CreateConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var deadBefore = await DatabaseNowAsync(connection, cancellationToken).ConfigureAwait(false);
        if (filter.DeadBefore is { } asked && asked.UtcDateTime < deadBefore)
        {
            deadBefore = asked.UtcDateTime;
        }

        var moved = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long inBatch;
        do
        {
            inBatch = 0;
            await using var command = Command(connection, _dialect.RequeueSql(filter.QueueId is not null), filter.QueueId);
            command.Parameters.Add(_dialect.Timestamp("DeadBefore", deadBefore));
            command.Parameters.Add(StreamDeadLetterDialect.Parameter(command, "ExpiryTimeout", (int)Math.Ceiling(expiryTimeout.TotalSeconds), DbType.Int32));
            command.Parameters.Add(StreamDeadLetterDialect.Parameter(command, "BatchSize", BatchSize, DbType.Int32));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var count = reader.GetInt64(1);
                moved[reader.GetString(0)] = moved.GetValueOrDefault(reader.GetString(0)) + count;
                inBatch += count;
            }
        }
        while (inBatch > 0);

        return moved;
    }

    private async Task<DateTime> DatabaseNowAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _dialect.NowSql;
        return StreamDeadLetterDialect.Utc((DateTime)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
    }

    private DbCommand Command(DbConnection connection, string sql, string? queueId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = CommandTimeoutSeconds;
        command.Parameters.Add(StreamDeadLetterDialect.Parameter(command, "ServiceId", _serviceId, DbType.String));
        command.Parameters.Add(StreamDeadLetterDialect.Parameter(command, "ProviderId", _providerId, DbType.String));
        if (queueId is not null)
        {
            command.Parameters.Add(StreamDeadLetterDialect.Parameter(command, "QueueId", queueId, DbType.String));
        }

        return command;
    }
}
