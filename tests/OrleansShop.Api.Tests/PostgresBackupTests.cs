using System.Diagnostics;
using Npgsql;
using OrleansShop.Api.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Api.Tests;

/// <summary>
/// The <c>backup</c> and <c>restore</c> commands on PostgreSQL storage (pg_dump and pg_restore from the machine's
/// PostgreSQL binaries), run as separate processes of the API program while a shop on the database takes orders.
/// </summary>
public sealed class PostgresBackupTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task A_pg_dump_taken_while_orders_are_placed_restores_into_a_fresh_database_every_order_acknowledged_before_it_began()
    {
        var server = postgres.RequireServer();
        RequirePostgresTools();
        var source = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var fresh = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var backup = Path.Combine(Path.GetTempPath(), "orleansshop-pg-backup-" + Guid.NewGuid().ToString("N"));
        try
        {
            string productId, word = "pgbackup" + Guid.NewGuid().ToString("N")[..8];
            IReadOnlyCollection<OrderTraffic.PlacedOrder> orders;
            long began, ended;
            await using (var shop = await ShopServer.StartAsync(settings: [.. ShopServer.LimitsForManyTests, .. OnPostgres(source)]))
            {
                productId = await shop.CreateProductAsync(stock: 1_000_000, description: "A mug for " + word + ".");
                await Eventually.UntilAsync(() => shop.DataAsync(RestoredShop.Search, new { q = word }), data => data["products"]!["nodes"]!.AsArray().Count == 1);
                var traffic = OrderTraffic.Start(shop, productId, shoppers: 4);
                await traffic.WaitForOrdersAsync(30);

                began = Stopwatch.GetTimestamp();
                var backedUp = await ShopCommand.RunAsync(["backup", "--to", backup], Environment(source), TestContext.Current.CancellationToken);
                ended = Stopwatch.GetTimestamp();
                Assert.True(backedUp.ExitCode == 0, backedUp.ToString());

                await traffic.WaitForOrdersAsync(5, since: ended);
                orders = await traffic.StopAsync();
            }

            Assert.Contains(orders, o => o.CheckoutSent > began && o.CheckoutAcknowledged < ended);
            var password = new NpgsqlConnectionStringBuilder(server).Password;
            if (!string.IsNullOrEmpty(password))
            {
                Assert.DoesNotContain(password, await File.ReadAllTextAsync(Path.Combine(backup, "backup.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
            }

            var restored = await ShopCommand.RunAsync(["restore", "--from", backup], Environment(fresh), TestContext.Current.CancellationToken);
            Assert.True(restored.ExitCode == 0, restored.ToString());

            await using var again = await ShopServer.StartAsync(settings: [.. ShopServer.LimitsForManyTests, .. OnPostgres(fresh)]);

            // First, before anything activates the product's grain (which projects it again): the catalog search reads the
            // read-model database, so it finds the product only if the restore brought that back.
            Assert.Equal([productId], await again.SearchAsync(word));
            var numbers = await again.AssertHoldsWhatWasAcknowledgedAsync(orders, began, ended);
            await again.AssertTakesNewOrdersAsync(productId, numbers);

            // The source database is not empty: a restore into it is refused and changes nothing.
            var rows = await CountGrainStateRowsAsync(source);
            var refused = await ShopCommand.RunAsync(["restore", "--from", backup], Environment(source), TestContext.Current.CancellationToken);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("it is not empty", refused.Error, StringComparison.Ordinal);
            Assert.Equal(rows, await CountGrainStateRowsAsync(source));
        }
        finally
        {
            ShopServer.TryDelete(backup);
            NpgsqlConnection.ClearAllPools();
            await postgres.DropDatabaseAsync(source, CancellationToken.None);
            await postgres.DropDatabaseAsync(fresh, CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_password_reaches_pg_dump_in_its_environment_never_on_its_command_line_or_in_the_output()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("The stand-in tools are shell scripts.");
            return;
        }

        // Stand-ins for pg_dump and pg_restore (named by OrleansShop:Backup:PostgresBinDirectory) that write down the
        // command line and the variables they were given; no server is needed.
        var tools = Directory.CreateTempSubdirectory("orleansshop-fake-pg-").FullName;
        var backup = Path.Combine(tools, "backup");
        const string password = "pw-Only-In-The-Environment-7";
        try
        {
            foreach (var tool in new[] { "pg_dump", "pg_restore" })
            {
                var script = Path.Combine(tools, tool);
                await File.WriteAllTextAsync(
                    script,
                    $"#!/bin/sh\n[ \"$1\" = --version ] && echo '{tool} (PostgreSQL) 99 stand-in' && exit 0\n"
                    + $"printf '%s\\n' \"$@\" >> '{tools}/{tool}.args'\nenv | grep '^PG' >> '{tools}/{tool}.env'\necho 'connection refused (stand-in)' >&2\nexit 1\n",
                    TestContext.Current.CancellationToken);
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var result = await ShopCommand.RunAsync(["backup", "--to", backup], new Dictionary<string, string>
            {
                ["OrleansShop__Storage__Provider"] = "postgres",
                ["OrleansShop__Storage__ConnectionString"] = $"Host=db.internal,db2.internal:5433;Port=5432;Username=shop;Password={password};Database=orleansshop;SSL Mode=Require",
                ["OrleansShop__Backup__PostgresBinDirectory"] = tools,
            }, TestContext.Current.CancellationToken);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("pg_dump failed", result.Error, StringComparison.Ordinal);
            Assert.Contains("connection refused (stand-in)", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(password, result.Output + result.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(backup));
            var arguments = await File.ReadAllTextAsync(Path.Combine(tools, "pg_dump.args"), TestContext.Current.CancellationToken);
            Assert.Contains("--format=custom", arguments, StringComparison.Ordinal);
            Assert.DoesNotContain(password, arguments, StringComparison.Ordinal);
            var environment = (await File.ReadAllLinesAsync(Path.Combine(tools, "pg_dump.env"), TestContext.Current.CancellationToken)).ToHashSet();
            Assert.Contains("PGPASSWORD=" + password, environment);
            Assert.Contains("PGHOST=db.internal,db2.internal", environment);
            Assert.Contains("PGPORT=5432,5433", environment);
            Assert.Contains("PGUSER=shop", environment);
            Assert.Contains("PGDATABASE=orleansshop", environment);
            Assert.Contains("PGSSLMODE=require", environment);
        }
        finally
        {
            ShopServer.TryDelete(tools);
        }
    }

    private static string[] OnPostgres(string connectionString) =>
        ["OrleansShop:Storage:Provider=postgres", "OrleansShop:Storage:ConnectionString=" + connectionString];

    /// <summary>The connection string goes to the command in its environment, as an operator's service manager would pass it.</summary>
    private static Dictionary<string, string> Environment(string connectionString) => new()
    {
        ["OrleansShop__Storage__Provider"] = "postgres",
        ["OrleansShop__Storage__ConnectionString"] = connectionString,
    };

    private static async Task<long> CountGrainStateRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM orleansstorage";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>pg_dump and pg_restore where the command looks for them; without them the test skips, or fails under CI=true.</summary>
    private static void RequirePostgresTools()
    {
        var found = Directory.Exists("/usr/lib/postgresql")
            && Directory.EnumerateDirectories("/usr/lib/postgresql").Any(v => File.Exists(Path.Combine(v, "bin", "pg_dump")) && File.Exists(Path.Combine(v, "bin", "pg_restore")));
        found |= (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(folder => File.Exists(Path.Combine(folder, "pg_dump")) && File.Exists(Path.Combine(folder, "pg_restore")));
        if (found)
        {
            return;
        }

        const string reason = "pg_dump and pg_restore are not installed (/usr/lib/postgresql/*/bin or PATH)";
        if (string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("PostgreSQL's client programs are required under CI=true, but " + reason + ".");
        }

        Assert.Skip("Skipped: " + reason + ".");
    }
}
