using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using OrleansShop.Providers.AdoNet.Tests.Grains;
using OrleansShop.Providers.AdoNet.Tests.Support;

namespace OrleansShop.Providers.AdoNet.Tests.OrleansProviders;

/// <summary>
/// Orleans' own ADO.NET stream provider on the migrated schema (script 5), and the queue statements themselves run as
/// the provider runs them: receipts, release, retries and dead letters.
/// </summary>
public sealed class AdoNetStreamTests(PostgresServerFixture server, StreamSiloFixture silo) : IClassFixture<StreamSiloFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_event_reaches_its_subscriber_once_in_order_and_its_row_is_deleted_once_delivered()
    {
        server.RequireServer();
        var provider = silo.Silo.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamSiloFixture.Provider);
        var keys = Enumerable.Range(0, 4).Select(i => $"{Guid.NewGuid():N}-{i}").ToList();
        foreach (var key in keys)
        {
            var stream = provider.GetStream<int>(StreamId.Create(StreamDeliveries.Namespace, key));
            for (var item = 0; item < 25; item++)
            {
                await stream.OnNextAsync(item);
            }
        }

        var deliveries = silo.Silo.Services.GetRequiredService<StreamDeliveries>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (keys.Any(key => deliveries.Of(key).Count < 25) || await WaitingAsync() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"after 30 s: {string.Join(", ", keys.Select(key => deliveries.Of(key).Count))} delivered, {await WaitingAsync()} rows left");
            await Task.Delay(100, Ct);
        }

        Assert.All(keys, key => Assert.Equal(Enumerable.Range(0, 25), deliveries.Of(key)));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(
            silo.Database, "SELECT count(*) FROM OrleansStreamDeadLetter WHERE ProviderId = @provider", Ct, ("provider", StreamSiloFixture.Provider)));
    }

    [Fact]
    public async Task A_stale_receipt_confirms_nothing_and_a_message_out_of_attempts_becomes_a_dead_letter()
    {
        server.RequireServer();
        var queue = new StreamQueue(silo.Database, "sql-" + Guid.NewGuid().ToString("N")[..8]);
        var id = await queue.EnqueueAsync([1, 2, 3]);

        var first = Assert.Single(await queue.DequeueAsync(maxAttempts: 2, visibilitySeconds: 0));
        var second = Assert.Single(await queue.DequeueAsync(maxAttempts: 2, visibilitySeconds: 0));
        var staleConfirm = await queue.ConfirmAsync($"{id}:1");
        var thirdTry = await queue.DequeueAsync(maxAttempts: 2, visibilitySeconds: 0);

        Assert.Equal((id, 1), (first.MessageId, first.Dequeued));
        Assert.Equal([1, 2, 3], first.Payload);
        Assert.Equal(2, second.Dequeued);
        Assert.Empty(staleConfirm);
        Assert.Empty(thirdTry);
        Assert.Equal(0L, await queue.CountAsync("OrleansStreamMessage"));
        Assert.Equal(1L, await queue.CountAsync("OrleansStreamDeadLetter"));
    }

    [Fact]
    public async Task A_released_message_is_delivered_again_at_once_and_the_current_receipt_deletes_it()
    {
        server.RequireServer();
        var queue = new StreamQueue(silo.Database, "sql-" + Guid.NewGuid().ToString("N")[..8]);
        var id = await queue.EnqueueAsync([7]);
        var later = await queue.EnqueueAsync([8]);

        var taken = await queue.DequeueAsync(maxAttempts: 5, visibilitySeconds: 60);
        var hidden = await queue.DequeueAsync(maxAttempts: 5, visibilitySeconds: 60);
        var released = await queue.ConfirmAsync($"{id}:-1");
        var again = Assert.Single(await queue.DequeueAsync(maxAttempts: 5, visibilitySeconds: 60));
        var confirmed = await queue.ConfirmAsync($"{id}:2|{later}:1");

        Assert.Equal([id, later], taken.Select(m => m.MessageId).Order());
        Assert.Empty(hidden);
        Assert.Equal([id], released);
        Assert.Equal((id, 2), (again.MessageId, again.Dequeued));
        Assert.Equal([id, later], confirmed.Order());
        Assert.Equal(0L, await queue.CountAsync("OrleansStreamMessage"));
        Assert.Equal(0L, await queue.CountAsync("OrleansStreamDeadLetter"));
    }

    private Task<long> WaitingAsync() =>
        Sql.ScalarAsync<long>(silo.Database, "SELECT count(*) FROM OrleansStreamMessage WHERE ProviderId = @provider", Ct, ("provider", StreamSiloFixture.Provider));
}
