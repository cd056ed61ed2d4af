using Npgsql;

namespace OrleansShop.Providers.AdoNet.Tests.Support;

/// <summary>
/// One queue of its own service, driven through the statements in OrleansQuery with the provider's parameters, as
/// Orleans' ADO.NET stream receiver runs them.
/// </summary>
internal sealed class StreamQueue(string database, string serviceId, string queue = "queue-0")
{
    public const string Provider = "sql-probe";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string ServiceId => serviceId;

    public string Queue => queue;

    public async Task<long> EnqueueAsync(byte[] payload) =>
        (long)(await RunAsync("QueueStreamMessageKey", ("Payload", payload), ("ExpiryTimeout", 600))).Single()["MessageId"];

    public async Task<List<(long MessageId, int Dequeued, byte[] Payload)>> DequeueAsync(int maxAttempts, int visibilitySeconds) =>
        [.. (await RunAsync(
            "GetStreamMessagesKey",
            ("MaxCount", 10), ("MaxAttempts", maxAttempts), ("VisibilityTimeout", visibilitySeconds), ("RemovalTimeout", 3600),
            ("EvictionInterval", 0), ("EvictionBatchSize", 100)))
            .Select(row => ((long)row["MessageId"], (int)row["Dequeued"], (byte[])row["Payload"]))];

    public async Task<List<long>> ConfirmAsync(string receipts) =>
        [.. (await RunAsync("ConfirmStreamMessagesKey", ("Items", receipts))).Select(row => (long)row["MessageId"])];

    /// <summary>The readers' clean-up of dead letters past their RemoveOn, up to <paramref name="maxCount"/> of them.</summary>
    public async Task EvictDeadLettersAsync(int maxCount) => await RunAsync("EvictStreamDeadLettersKey", ("MaxCount", maxCount));

    public Task<long> CountAsync(string table) =>
        Sql.ScalarAsync<long>(database, $"SELECT count(*) FROM {table} WHERE ServiceId = @service", Ct, ("service", serviceId));

    private async Task<List<Dictionary<string, object>>> RunAsync(string key, params (string Name, object Value)[] parameters)
    {
        var text = await Sql.ScalarAsync<string>(database, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", Ct, ("key", key));
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(text, connection);
        command.Parameters.AddWithValue("ServiceId", serviceId);
        command.Parameters.AddWithValue("ProviderId", Provider);
        command.Parameters.AddWithValue("QueueId", queue);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<Dictionary<string, object>>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue, StringComparer.OrdinalIgnoreCase));
        }

        return rows;
    }
}
