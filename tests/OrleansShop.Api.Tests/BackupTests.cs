using System.Diagnostics;
using OrleansShop.Api.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Api.Tests;

/// <summary>
/// The embedded shop's <c>backup</c> and <c>restore</c> commands, run as separate processes of the API program against
/// the SQLite files of a shop that keeps taking orders over GraphQL meanwhile.
/// </summary>
public sealed class BackupTests(ShopServerFixture fixture) : IClassFixture<ShopServerFixture>
{
    [Fact]
    public async Task A_backup_taken_while_orders_are_placed_restores_into_a_fresh_directory_every_order_acknowledged_before_it_began()
    {
        var backup = NewPath("orleansshop-backup-");
        var restoredData = NewPath("orleansshop-restored-");
        try
        {
            string productId, word = "backup" + Guid.NewGuid().ToString("N")[..8];
            IReadOnlyCollection<OrderTraffic.PlacedOrder> orders;
            long began, ended;
            await using (var shop = await ShopServer.StartAsync(settings: ShopServer.LimitsForManyTests))
            {
                productId = await shop.CreateProductAsync(stock: 1_000_000, description: "A mug for " + word + ".");
                await Eventually.UntilAsync(() => shop.DataAsync(RestoredShop.Search, new { q = word }), data => data["products"]!["nodes"]!.AsArray().Count == 1);
                var traffic = OrderTraffic.Start(shop, productId, shoppers: 4);
                await traffic.WaitForOrdersAsync(30);

                began = Stopwatch.GetTimestamp();
                var backedUp = await ShopCommand.RunAsync(["backup", "--to", backup, "--OrleansShop:DataDirectory=" + shop.DataDirectory], cancellationToken: TestContext.Current.CancellationToken);
                ended = Stopwatch.GetTimestamp();
                Assert.True(backedUp.ExitCode == 0, backedUp.ToString());

                await traffic.WaitForOrdersAsync(5, since: ended);
                orders = await traffic.StopAsync();
            }

            // The shop kept taking orders while the backup ran: some were both sent and acknowledged in between.
            Assert.Contains(orders, o => o.CheckoutSent > began && o.CheckoutAcknowledged < ended);

            var restored = await ShopCommand.RunAsync(["restore", "--from", backup, "--OrleansShop:DataDirectory=" + restoredData], cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(restored.ExitCode == 0, restored.ToString());

            await using var again = await ShopServer.StartAsync(restoredData, settings: ShopServer.LimitsForManyTests);

            // First, before anything activates the product's grain (which projects it again): the catalog search reads the
            // read-model database, so it finds the product only if the restore brought that back.
            Assert.Equal([productId], await again.SearchAsync(word));
            var numbers = await again.AssertHoldsWhatWasAcknowledgedAsync(orders, began, ended);
            await again.AssertTakesNewOrdersAsync(productId, numbers);
        }
        finally
        {
            ShopServer.TryDelete(backup);
            ShopServer.TryDelete(restoredData);
        }
    }

    [Fact]
    public async Task A_backup_to_a_path_that_cannot_be_written_fails_with_the_reason_and_leaves_nothing_behind()
    {
        var file = Path.GetTempFileName();
        try
        {
            var result = await ShopCommand.RunAsync(["backup", "--to", Path.Combine(file, "backup"), "--OrleansShop:DataDirectory=" + fixture.Server.DataDirectory], cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("Cannot write the backup to " + Path.Combine(file, "backup"), result.Error, StringComparison.Ordinal);
            Assert.True(File.Exists(file));
            Assert.Equal(0, new FileInfo(file).Length);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Restoring_from_a_folder_that_is_not_a_backup_or_is_damaged_fails_and_creates_nothing()
    {
        var notBackup = Directory.CreateTempSubdirectory("orleansshop-not-a-backup-").FullName;
        var backup = NewPath("orleansshop-backup-");
        var target = NewPath("orleansshop-restored-");
        try
        {
            File.Copy(Path.Combine(fixture.Server.DataDirectory, "orleansshop.db"), Path.Combine(notBackup, "orleansshop.db"));
            var refused = await ShopCommand.RunAsync(["restore", "--from", notBackup, "--OrleansShop:DataDirectory=" + target], cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("is not an OrleansShop backup", refused.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(target));

            Assert.Equal(0, (await ShopCommand.RunAsync(["backup", "--to", backup, "--OrleansShop:DataDirectory=" + fixture.Server.DataDirectory], cancellationToken: TestContext.Current.CancellationToken)).ExitCode);
            await using (var damage = new FileStream(Path.Combine(backup, "orleansshop.db"), FileMode.Open, FileAccess.Write))
            {
                damage.Position = 5000;
                damage.WriteByte(0x5A);
            }

            var damaged = await ShopCommand.RunAsync(["restore", "--from", backup, "--OrleansShop:DataDirectory=" + target], cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(1, damaged.ExitCode);
            Assert.Contains("is damaged: orleansshop.db", damaged.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(target));
        }
        finally
        {
            ShopServer.TryDelete(notBackup);
            ShopServer.TryDelete(backup);
        }
    }

    [Fact]
    public async Task Restore_into_a_data_directory_that_is_not_empty_is_refused_unless_forced_and_then_keeps_the_old_files_aside()
    {
        var backup = NewPath("orleansshop-backup-");
        var target = Directory.CreateTempSubdirectory("orleansshop-occupied-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(target, "orleansshop.db"), "the shop that was here", TestContext.Current.CancellationToken);
            Assert.Equal(0, (await ShopCommand.RunAsync(["backup", "--to", backup, "--OrleansShop:DataDirectory=" + fixture.Server.DataDirectory], cancellationToken: TestContext.Current.CancellationToken)).ExitCode);

            var refused = await ShopCommand.RunAsync(["restore", "--from", backup, "--OrleansShop:DataDirectory=" + target], cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("it is not empty", refused.Error, StringComparison.Ordinal);
            Assert.Equal(["orleansshop.db"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
            Assert.Equal("the shop that was here", await File.ReadAllTextAsync(Path.Combine(target, "orleansshop.db"), TestContext.Current.CancellationToken));

            var forced = await ShopCommand.RunAsync(["restore", "--from", backup, "--force", "--OrleansShop:DataDirectory=" + target], cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(forced.ExitCode == 0, forced.ToString());
            var aside = Assert.Single(Directory.GetDirectories(target, "before-restore-*"));
            Assert.Equal("the shop that was here", await File.ReadAllTextAsync(Path.Combine(aside, "orleansshop.db"), TestContext.Current.CancellationToken));
            Assert.Equal(
                await File.ReadAllBytesAsync(Path.Combine(backup, "orleansshop.db"), TestContext.Current.CancellationToken),
                await File.ReadAllBytesAsync(Path.Combine(target, "orleansshop.db"), TestContext.Current.CancellationToken));
        }
        finally
        {
            ShopServer.TryDelete(backup);
            ShopServer.TryDelete(target);
        }
    }

    private static string NewPath(string prefix) => Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
}
