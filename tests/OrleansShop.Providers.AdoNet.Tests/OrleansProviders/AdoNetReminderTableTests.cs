using Microsoft.Extensions.DependencyInjection;
using OrleansShop.Providers.AdoNet.Tests.Grains;
using OrleansShop.Providers.AdoNet.Tests.Support;

namespace OrleansShop.Providers.AdoNet.Tests.OrleansProviders;

/// <summary>Orleans' own ADO.NET reminder service on the migrated schema.</summary>
public sealed class AdoNetReminderTableTests(PostgresServerFixture server, ReminderSiloFixture silo) : IClassFixture<ReminderSiloFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_registered_reminder_is_stored_listed_and_ticks_and_unregistering_removes_it()
    {
        server.RequireServer();
        var id = Guid.NewGuid();
        var grain = silo.Grains.GetGrain<IReminderProbeGrain>(id);

        await grain.Register("heartbeat", TimeSpan.FromSeconds(1));
        var listed = await grain.ReminderNames();
        var stored = await Sql.ListAsync<long>(silo.Database,
            "SELECT Period FROM OrleansRemindersTable WHERE GrainId LIKE @grain AND ReminderName = 'heartbeat' AND Version = 0", Ct, ("grain", $"%{id:N}%"));
        await silo.Silo.Services.GetRequiredService<ReminderTicks>().FirstTick(id, "heartbeat").WaitAsync(TimeSpan.FromSeconds(20), Ct);
        await grain.Unregister("heartbeat");

        Assert.Equal(["heartbeat"], listed);
        Assert.Equal([1000L], stored);
        Assert.Empty(await grain.ReminderNames());
        Assert.Equal(0L, await Sql.ScalarAsync<long>(silo.Database, "SELECT count(*) FROM OrleansRemindersTable WHERE GrainId LIKE @grain", Ct, ("grain", $"%{id:N}%")));
    }

    [Fact]
    public async Task The_reminder_table_versions_rows_reads_hash_ranges_and_removes_only_the_current_version()
    {
        server.RequireServer();
        var table = silo.Silo.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("reminderprobe", "direct-" + Guid.NewGuid().ToString("N"));
        var hash = grainId.GetUniformHashCode();
        ReminderEntry Entry(TimeSpan period) => new() { GrainId = grainId, ReminderName = "r", StartAt = DateTime.UtcNow, Period = period };

        var first = await table.UpsertRow(Entry(TimeSpan.FromMinutes(1)), Ct) ?? throw new InvalidOperationException("no etag");
        var second = await table.UpsertRow(Entry(TimeSpan.FromMinutes(2)), Ct) ?? throw new InvalidOperationException("no etag");
        var row = await table.ReadRow(grainId, "r", Ct);
        var ofGrain = await table.ReadRows(grainId, Ct);
        var inPlainRange = await table.ReadRows(hash - 1, hash, Ct);
        var inWrappingRange = await table.ReadRows(hash + 1, hash, Ct);
        var outsideWrappingRange = await table.ReadRows(hash, hash - 1, Ct);
        var removedStale = await table.RemoveRow(grainId, "r", first, Ct);
        var removedCurrent = await table.RemoveRow(grainId, "r", second, Ct);

        Assert.Equal(("0", "1"), (first, second));
        Assert.Equal<(TimeSpan?, string?)>((TimeSpan.FromMinutes(2), "1"), (row?.Period, row?.ETag));
        Assert.Single(ofGrain.Reminders);
        Assert.Contains(inPlainRange.Reminders, r => r.GrainId == grainId);
        Assert.Contains(inWrappingRange.Reminders, r => r.GrainId == grainId);
        Assert.DoesNotContain(outsideWrappingRange.Reminders, r => r.GrainId == grainId);
        Assert.Equal((false, true), (removedStale, removedCurrent));
        Assert.Null(await table.ReadRow(grainId, "r", Ct));
    }
}
