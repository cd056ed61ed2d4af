using OrleansShop.Providers.AdoNet.Tests.Support;

namespace OrleansShop.Providers.AdoNet.Tests.Streams;

/// <summary>
/// <see cref="StreamDeadLetters"/> on a migrated PostgreSQL database, with dead letters made by Orleans' own statements
/// (the receiver's reads past MaxAttempts) and read back by them as the receiver reads.
/// </summary>
public sealed class StreamDeadLetterTests(PostgresServerFixture server) : IAsyncLifetime
{
    private string _database = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server.RequireServer();
        _database = await server.CreateDatabaseAsync(Ct);
        await AdoNetSchemaMigrator.ForPostgres(_database).MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database.Length > 0)
        {
            await server.DropDatabaseAsync(_database, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Requeued_dead_letters_are_read_as_newly_published_events_in_their_old_order_and_a_stale_receipt_confirms_none()
    {
        var queue = new StreamQueue(_database, "dl-" + Guid.NewGuid().ToString("N")[..8]);
        var oldIds = new List<long>();
        foreach (var payload in new byte[][] { [1], [2], [3] })
        {
            oldIds.Add(await queue.EnqueueAsync(payload));
        }

        await BuryAsync(queue, 3);
        var deadLetters = Letters(queue);
        var listed = Assert.Single(await deadLetters.ListAsync(StreamDeadLetterFilter.All, Ct));

        var moved = await deadLetters.RequeueAsync(StreamDeadLetterFilter.All, TimeSpan.FromHours(2), Ct);

        Assert.Equal((queue.Queue, 3L), (listed.QueueId, listed.Count));
        Assert.True(listed.OldestDeadOn <= listed.NewestDeadOn && listed.NextRemoveOn > listed.NewestDeadOn, listed.ToString());
        Assert.Equal(new Dictionary<string, long> { [queue.Queue] = 3 }, moved);
        Assert.Empty(await deadLetters.ListAsync(StreamDeadLetterFilter.All, Ct));
        Assert.Equal(0L, await queue.CountAsync("OrleansStreamDeadLetter"));

        // Queued as the publisher queues: no read counted, visible now, the configured expiry ahead.
        Assert.Equal(0, await Sql.ScalarAsync<int>(_database, "SELECT max(Dequeued) FROM OrleansStreamMessage WHERE ServiceId = @s", Ct, ("s", queue.ServiceId)));
        var expiresIn = TimeSpan.FromSeconds(await Sql.ScalarAsync<double>(
            _database, "SELECT extract(epoch FROM min(ExpiresOn) - now())::float8 FROM OrleansStreamMessage WHERE ServiceId = @s", Ct, ("s", queue.ServiceId)));
        Assert.InRange(expiresIn, TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(2));

        var read = await queue.DequeueAsync(maxAttempts: 5, visibilitySeconds: 60);
        Assert.Equal([1, 2, 3], read.Select(m => (int)m.Payload.Single()));
        Assert.All(read, m => Assert.Equal(1, m.Dequeued));
        Assert.True(read.Min(m => m.MessageId) > oldIds.Max(), "a requeued row took a MessageId the queue had used");

        // The receipt of a reader that took the old row on its first read (and lost it) must not delete the new one.
        Assert.Empty(await queue.ConfirmAsync($"{oldIds[0]}:1"));
        Assert.Equal(read.Select(m => m.MessageId).Order(), await queue.ConfirmAsync(string.Join('|', read.Select(m => $"{m.MessageId}:1"))));
        Assert.Equal(0L, await queue.CountAsync("OrleansStreamMessage"));
    }

    [Fact]
    public async Task Only_the_chosen_queue_and_those_dead_before_the_chosen_time_are_listed_and_requeued()
    {
        var serviceId = "dl-" + Guid.NewGuid().ToString("N")[..8];
        var first = new StreamQueue(_database, serviceId, "queue-0");
        var second = new StreamQueue(_database, serviceId, "queue-1");
        await first.EnqueueAsync([1]);
        await BuryAsync(first, 1);
        await second.EnqueueAsync([2]);
        await second.EnqueueAsync([3]);
        await BuryAsync(second, 2);
        var deadLetters = Letters(first);
        var beforeAll = new StreamDeadLetterFilter(DeadBefore: DateTimeOffset.UtcNow - TimeSpan.FromHours(1));

        var listed = await deadLetters.ListAsync(StreamDeadLetterFilter.All, Ct);
        var listedEarlier = await deadLetters.ListAsync(beforeAll, Ct);
        var movedEarlier = await deadLetters.RequeueAsync(beforeAll, TimeSpan.FromHours(1), Ct);
        var movedSecond = await deadLetters.RequeueAsync(new StreamDeadLetterFilter(QueueId: "queue-1"), TimeSpan.FromHours(1), Ct);

        Assert.Equal([("queue-0", 1L), ("queue-1", 2L)], listed.Select(q => (q.QueueId, q.Count)));
        Assert.Empty(listedEarlier);
        Assert.Empty(movedEarlier);
        Assert.Equal(new Dictionary<string, long> { ["queue-1"] = 2 }, movedSecond);
        Assert.Equal([("queue-0", 1L)], (await deadLetters.ListAsync(StreamDeadLetterFilter.All, Ct)).Select(q => (q.QueueId, q.Count)));
        Assert.Equal(2, (await second.DequeueAsync(maxAttempts: 5, visibilitySeconds: 60)).Count);
        Assert.Empty(await first.DequeueAsync(maxAttempts: 5, visibilitySeconds: 60));
    }

    [Fact]
    public async Task Concurrent_requeues_beside_the_readers_eviction_move_each_dead_letter_once_and_lose_none()
    {
        const int Count = 2 * StreamDeadLetters.BatchSize + 500;
        var queue = new StreamQueue(_database, "dl-" + Guid.NewGuid().ToString("N")[..8]);

        // Half are past their RemoveOn, so the readers' clean-up races the requeues for them.
        await Sql.ExecuteAsync(_database, $"""
            INSERT INTO OrleansStreamDeadLetter (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, DeadOn, RemoveOn, Payload)
            SELECT '{queue.ServiceId}', '{StreamQueue.Provider}', '{queue.Queue}', i, 3, now(), now(), now(), now(), now() - interval '1 minute',
                   CASE WHEN i % 2 = 0 THEN now() - interval '1 second' ELSE now() + interval '1 hour' END, int4send(i::int)
            FROM generate_series(1, {Count}) AS i
            """, Ct);
        var deadLetters = Letters(queue);

        var requeues = Enumerable.Range(0, 4).Select(_ => Task.Run(() => deadLetters.RequeueAsync(StreamDeadLetterFilter.All, TimeSpan.FromHours(1), Ct), Ct)).ToList();
        var evictions = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await queue.EvictDeadLettersAsync(100);
            }
        }, Ct)).ToList();
        var moved = await Task.WhenAll(requeues);
        await Task.WhenAll(evictions);

        var queued = await Sql.ListAsync<byte[]>(_database, "SELECT Payload FROM OrleansStreamMessage WHERE ServiceId = @s", Ct, ("s", queue.ServiceId));
        var distinct = queued.Select(Convert.ToHexString).Distinct().Count();
        Assert.Equal(queued.Count, distinct);
        Assert.Equal(queued.Count, moved.Sum(m => m.Values.Sum()));
        Assert.Equal(0L, await queue.CountAsync("OrleansStreamDeadLetter"));
        Assert.True(queued.Count >= Count / 2, $"{queued.Count} of {Count} requeued; the other half alone could be evicted");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{queued.Count} of {Count} requeued ({string.Join(", ", moved.Select(m => m.Values.Sum()))} by each requeue), {Count - queued.Count} evicted");
    }

    private StreamDeadLetters Letters(StreamQueue queue) => new(AdoNetDialect.PostgreSql, _database, queue.ServiceId, StreamQueue.Provider);

    /// <summary>Reads the queue's <paramref name="count"/> messages once and again with one attempt allowed: the second read buries them.</summary>
    private static async Task BuryAsync(StreamQueue queue, int count)
    {
        Assert.Equal(count, (await queue.DequeueAsync(maxAttempts: 1, visibilitySeconds: 0)).Count);
        Assert.Empty(await queue.DequeueAsync(maxAttempts: 1, visibilitySeconds: 0));
        Assert.Equal(0L, await queue.CountAsync("OrleansStreamMessage"));
    }
}
