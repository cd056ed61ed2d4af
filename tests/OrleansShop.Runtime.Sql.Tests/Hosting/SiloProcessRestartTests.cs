using OrleansShop.Runtime.Sql.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Hosting;

/// <summary>
/// Durability across a real crash: a silo process (tests/OrleansShop.Runtime.TestHost) is killed with SIGKILL right
/// after a write or a reminder registration returned, and a new process on the same data must see it.
/// </summary>
public sealed class SiloProcessRestartTests(PostgresServerFixture server) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public Task Sqlite_state_written_before_the_process_is_killed_is_read_by_the_next_process() =>
        StateSurvivesKillAsync(postgres: null);

    [Fact]
    public async Task Postgres_state_written_before_the_process_is_killed_is_read_by_the_next_process()
    {
        var ct = TestContext.Current.CancellationToken;
        server.RequireServer();
        var database = await server.CreateDatabaseAsync(ct);
        try
        {
            await StateSurvivesKillAsync(database);
        }
        finally
        {
            await server.DropDatabaseAsync(database, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Reminder_registered_before_the_process_is_killed_fires_in_the_next_process_and_activates_its_grain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var first = await SiloProcess.StartAsync(_directory.Path, null, ct))
        {
            // Due after one period (2 s): the process is gone before the first tick.
            await first.RequestAsync("remind alarm wake 2000", ct);
            first.Kill();
        }

        await using var second = await SiloProcess.StartAsync(_directory.Path, null, ct);

        // Nothing calls the grain in this process: only the reminder, read back from the table, can activate it.
        await second.WaitForEventAsync("activated alarm 0", TimeSpan.FromSeconds(60), ct);
        await second.WaitForEventAsync("reminder alarm wake", TimeSpan.FromSeconds(60), ct);
    }

    private async Task StateSurvivesKillAsync(string? postgres)
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var first = await SiloProcess.StartAsync(_directory.Path, postgres, ct))
        {
            Assert.Equal("1", await first.RequestAsync("append basket milk", ct));
            Assert.Equal("2", await first.RequestAsync("append basket bread", ct));
            first.Kill();
        }

        await using var second = await SiloProcess.StartAsync(_directory.Path, postgres, ct);
        Assert.Equal("milk,bread", await second.RequestAsync("read basket", ct));

        // The new activation holds the stored version: its next write is accepted, not a conflict.
        Assert.Equal("3", await second.RequestAsync("append basket eggs", ct));
        second.Kill();
        await using var third = await SiloProcess.StartAsync(_directory.Path, postgres, ct);
        Assert.Equal("milk,bread,eggs", await third.RequestAsync("read basket", ct));
    }
}
