using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

public sealed class CatalogProjectionTests
{
    [Fact]
    public async Task Product_changes_reach_the_catalog_projection_with_growing_versions()
    {
        var catalog = new MemoryCatalogProjection();
        await using var silo = await ShopSilo.StartAsync(catalog: catalog);
        var id = await silo.CreateProductAsync(10m, stock: 0, name: "Trail shoe");
        var created = catalog.Products[id];

        await silo.Product(id).UpdateAsync(new ProductChanges(Name: null, Description: null, Brand: null, Price: 12.5m, Images: null, CategoryIds: null, Attributes: null));
        var updated = catalog.Products[id];
        await silo.Product(id).ArchiveAsync();

        Assert.Equal(10m, created.Product.Price.Amount);
        Assert.Equal(12.5m, updated.Product.Price.Amount);
        Assert.True(updated.Version > created.Version);
        Assert.True(catalog.Products[id].Product.Archived);
        Assert.True(catalog.Products[id].Version > updated.Version);
    }

    [Fact]
    public async Task Availability_is_projected_when_a_product_goes_in_and_out_of_stock()
    {
        var catalog = new MemoryCatalogProjection();
        await using var silo = await ShopSilo.StartAsync(catalog: catalog);
        var id = await silo.CreateProductAsync(10m, stock: 2);
        await AvailableAsync(catalog, id, a => a == 2, "the new product's stock");

        await silo.Stock(id).ReserveAsync("order-1", 2);
        await AvailableAsync(catalog, id, a => a == 0, "out of stock once all is reserved");

        await silo.Stock(id).ReleaseAsync("order-1");
        await AvailableAsync(catalog, id, a => a > 0, "in stock again after the release");
    }

    [Fact]
    public async Task Stock_changes_that_keep_a_product_in_stock_do_not_write_the_catalog()
    {
        var catalog = new MemoryCatalogProjection();
        await using var silo = await ShopSilo.StartAsync(catalog: catalog);
        var id = await silo.CreateProductAsync(10m, stock: 10);
        await AvailableAsync(catalog, id, a => a == 10, "the new product's stock");
        var writes = catalog.StockWrites;

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await silo.Stock(id).ReserveAsync($"order-{i}", 1)).Succeeded);
        }

        var level = await silo.Stock(id).AdjustAsync(-5, "write-off");
        Assert.Equal(0, level.Value!.Available);
        await AvailableAsync(catalog, id, a => a == 0, "out of stock after the write-off");

        // Five reservations left it in stock (no write: their events arrive one by one, each the next version), the
        // write-off took it out (one write).
        Assert.Equal(1, catalog.StockWrites - writes);
        Assert.Equal(level.Value.Version, catalog.Stock[id].Version);
    }

    [Fact]
    public async Task A_review_projects_the_exact_rating_summary()
    {
        var catalog = new MemoryCatalogProjection();
        await using var silo = await ShopSilo.StartAsync(catalog: catalog);
        var id = await silo.CreateProductAsync(10m, stock: 3);
        var cartId = CartIds.ForCustomer("buyer");
        await silo.Cart(cartId).AddItemAsync(id, 1);
        var order = (await silo.CheckoutAsync(cartId, "key-1", "buyer")).Value!;
        await silo.Order(order.Id).PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_visa", "key-1"));

        var review = await silo.Grains.GetGrain<IProductReviewsGrain>(id).AddAsync(new ReviewDraft("buyer", "Ada", 4, "Good", "Works."));

        Assert.True(review.Succeeded, review.Error?.Message);
        Assert.Equal((new RatingSummary(1, 4), 1L), catalog.Ratings[id]);
    }

    [Fact]
    public async Task A_failing_projection_is_retried_until_it_succeeds_and_the_grain_call_still_succeeds()
    {
        var catalog = new MemoryCatalogProjection();
        await using var silo = await ShopSilo.StartAsync(catalog: catalog);
        var id = await silo.CreateProductAsync(10m, stock: 5);
        catalog.Failing = true;

        var updated = await silo.Product(id).UpdateAsync(new ProductChanges(null, null, null, 99m, null, null, null));
        var adjusted = await silo.Stock(id).AdjustAsync(-5, "write-off");

        Assert.True(updated.Succeeded);
        Assert.True(adjusted.Succeeded);
        Assert.Equal(10m, catalog.Products[id].Product.Price.Amount);
        await Eventually.HoldsAsync(() => Task.FromResult(catalog.Failures >= 4), "the projection is retried while it fails");
        catalog.Failing = false;
        await Eventually.HoldsAsync(
            () => Task.FromResult(catalog.Products[id].Product.Price.Amount == 99m && catalog.Stock.TryGetValue(id, out var s) && s.Available == 0),
            "the failed projections recover without another change");
    }

    [Fact]
    public async Task A_product_whose_projection_was_lost_is_projected_again_when_it_activates()
    {
        var storage = new CrashingStorage();
        string id;
        await using (var first = await ShopSilo.StartAsync(storage: storage.For, catalog: new MemoryCatalogProjection { Failing = true }))
        {
            id = await first.CreateProductAsync(42m, stock: 3, name: "Lost lamp");
        }

        var catalog = new MemoryCatalogProjection();
        await using var second = await ShopSilo.StartAsync(storage: storage.For, catalog: catalog);
        await second.Product(id).GetAsync();
        await second.Stock(id).GetLevelAsync();

        Assert.Equal("Lost lamp", catalog.Products[id].Product.Name);
        await AvailableAsync(catalog, id, a => a == 3, "the stock event published again on activation");
    }

    private static Task AvailableAsync(MemoryCatalogProjection catalog, string id, Func<int, bool> expected, string what) =>
        Eventually.HoldsAsync(() => Task.FromResult(catalog.Stock.TryGetValue(id, out var s) && expected(s.Available)), what);
}
