using Microsoft.Extensions.Options;
using OrleansShop.Api.Catalog;
using OrleansShop.GrainInterfaces;
using OrleansShop.Runtime;

namespace OrleansShop.Api.Demo;

/// <summary>
/// A small catalog for a first look: categories found by slug and products under fixed ids, so seeding again (after a
/// restart, or after a crash half-way) creates nothing twice and completes what is missing.
/// </summary>
internal sealed class DemoCatalog(IGrainFactory grains, IOptions<DemoOptions> options, ILogger<DemoCatalog> logger) : IHostedService
{
    private static readonly (string Name, string Slug)[] Categories =
    [
        ("Coffee", "coffee"),
        ("Tea", "tea"),
        ("Brewing gear", "brewing-gear"),
    ];

    private static readonly (string Sku, string Name, string Description, string Brand, decimal Price, string Category, int Stock)[] Products =
    [
        ("COF-ETH-250", "Ethiopia Yirgacheffe beans", "Washed Arabica with notes of jasmine and lemon. 250 g.", "Highland Roasters", 14.50m, "coffee", 40),
        ("COF-COL-1000", "Colombia Huila beans", "Chocolate, caramel and red apple. 1 kg.", "Highland Roasters", 39.00m, "coffee", 15),
        ("TEA-SEN-100", "Japanese sencha", "Steamed green tea from Shizuoka. 100 g.", "Leaf & Co", 12.00m, "tea", 25),
        ("TEA-ASS-250", "Assam breakfast", "Malty black tea for mornings. 250 g.", "Leaf & Co", 9.75m, "tea", 30),
        ("GEAR-V60-02", "Pour-over dripper", "Ceramic cone dripper, size 02.", "Brewline", 24.90m, "brewing-gear", 12),
        ("GEAR-KET-GN", "Gooseneck kettle", "0.9 l stovetop kettle with a thermometer.", "Brewline", 49.00m, "brewing-gear", 8),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Seed)
        {
            return;
        }

        var tree = grains.GetGrain<ICategoryTreeGrain>(WellKnownKeys.CategoryTree);
        var categoryIds = (await tree.GetAllAsync()).ToDictionary(c => c.Slug, c => c.Id, StringComparer.Ordinal);
        foreach (var (name, slug) in Categories.Where(c => !categoryIds.ContainsKey(c.Slug)))
        {
            var created = await tree.CreateAsync(new CategoryDraft(name, slug));
            categoryIds[slug] = created.Value?.Id ?? throw new InvalidOperationException($"Demo category {slug}: {created.Error?.Message}");
        }

        var list = grains.GetGrain<IProductListGrain>(IProductListGrain.Key);
        var createdProducts = 0;
        foreach (var demo in Products)
        {
            var productId = "demo-" + demo.Sku.ToLowerInvariant();
            var product = grains.GetGrain<IProductGrain>(productId);
            var details = await product.GetAsync();
            if (details is null)
            {
                var created = await product.CreateAsync(new ProductDraft(
                    demo.Sku, demo.Name, null, demo.Description, demo.Brand, new Money(demo.Price, "USD"), CategoryIds: [categoryIds[demo.Category]]));
                details = created.Value ?? throw new InvalidOperationException($"Demo product {demo.Sku}: {created.Error?.Message}");
                createdProducts++;
            }

            var stock = grains.GetGrain<IProductStockGrain>(productId);
            if ((await stock.GetLevelAsync()).Received == 0)
            {
                await stock.AdjustAsync(demo.Stock, "demo stock");
            }

            await list.PutAsync(new ProductListing(productId, details.CategoryIds, details.Archived));
        }

        if (createdProducts > 0)
        {
            logger.LogInformation("Seeded the demo catalog: {Count} products.", createdProducts);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
