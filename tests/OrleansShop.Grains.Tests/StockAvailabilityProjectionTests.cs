using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

public sealed class StockAvailabilityProjectionTests
{
    private const string Lamp = "lamp";

    [Fact]
    public async Task Consecutive_versions_with_the_same_answer_are_written_once()
    {
        var (catalog, projection) = Start();

        await ConsumeAsync(projection, version: 1, available: 5);
        await ConsumeAsync(projection, version: 2, available: 4);
        await ConsumeAsync(projection, version: 3, available: 3);

        Assert.Equal(1, catalog.StockWrites);
        Assert.Equal((5, 1L), catalog.Stock[Lamp]);
    }

    [Fact]
    public async Task A_flip_is_written_in_both_directions()
    {
        var (catalog, projection) = Start();

        await ConsumeAsync(projection, version: 1, available: 1);
        await ConsumeAsync(projection, version: 2, available: 0);
        await ConsumeAsync(projection, version: 3, available: 2);

        Assert.Equal(3, catalog.StockWrites);
        Assert.Equal((2, 3L), catalog.Stock[Lamp]);
    }

    [Fact]
    public async Task After_a_gap_in_versions_it_writes_even_without_a_flip()
    {
        // Another silo may have handled version 2 (out of stock) while it held the partition: skipping version 3 would
        // leave the catalog saying out of stock.
        var (catalog, projection) = Start();
        await ConsumeAsync(projection, version: 1, available: 1);
        await catalog.ProjectStockAsync(Lamp, 0, 2, TestContext.Current.CancellationToken);

        await ConsumeAsync(projection, version: 3, available: 1);

        Assert.Equal((1, 3L), catalog.Stock[Lamp]);
    }

    [Fact]
    public async Task Repeated_and_older_events_write_nothing()
    {
        var (catalog, projection) = Start();
        await ConsumeAsync(projection, version: 4, available: 0);

        await ConsumeAsync(projection, version: 4, available: 0);
        await ConsumeAsync(projection, version: 2, available: 7);

        Assert.Equal(1, catalog.StockWrites);
        Assert.Equal((0, 4L), catalog.Stock[Lamp]);
    }

    [Fact]
    public async Task A_failed_write_is_not_remembered_so_the_redelivery_writes()
    {
        var (catalog, projection) = Start();
        await ConsumeAsync(projection, version: 1, available: 3);
        catalog.Failing = true;

        await Assert.ThrowsAsync<IOException>(() => ConsumeAsync(projection, version: 2, available: 0));
        catalog.Failing = false;
        await ConsumeAsync(projection, version: 2, available: 0);

        Assert.Equal((0, 2L), catalog.Stock[Lamp]);
    }

    private static (MemoryCatalogProjection Catalog, StockAvailabilityProjection Projection) Start()
    {
        var catalog = new MemoryCatalogProjection();
        return (catalog, new StockAvailabilityProjection(catalog));
    }

    private static Task ConsumeAsync(StockAvailabilityProjection projection, long version, int available) =>
        projection.ConsumeAsync(
            new StockEvent(Lamp, new StockLevel(OnHand: available, Reserved: 0, Sold: 0, Received: available, WrittenOff: 0, Version: version)),
            TestContext.Current.CancellationToken);
}
