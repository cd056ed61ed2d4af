using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;
using OrleansShop.ReadModels.Lists;
using OrleansShop.ReadModels.Orders;

namespace OrleansShop.ReadModels.Tests;

public sealed class SqliteListRecoveryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("readmodel-recovery-").FullName;

    [Fact]
    public async Task A_database_that_cannot_be_opened_at_first_is_used_once_it_can_be_and_the_tables_are_then_created()
    {
        var folder = Path.Combine(_directory, "not-yet");
        var database = new ReadModelDatabase(ReadModelDialect.Sqlite, $"Data Source={Path.Combine(folder, ReadModelDatabase.SqliteFileName)};Pooling=False");
        var store = new OrderListStore(database);
        var listing = new OrderListing("o1", "OS-1", null, "a@example.com", OrderStatus.Paid, new Money(1m, "USD"), DateTimeOffset.UtcNow, 1);

        await Assert.ThrowsAnyAsync<Exception>(() => store.UpsertAsync([listing], TestContext.Current.CancellationToken));
        Directory.CreateDirectory(folder);
        await store.UpsertAsync([listing], TestContext.Current.CancellationToken);

        var page = await store.PageAsync(new OrderListFilter(), new ListPageRequest(10, null, null, null), TestContext.Current.CancellationToken);
        Assert.Equal("o1", Assert.Single(page.Items).Item.OrderId);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
