using Microsoft.Extensions.Options;
using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Demo;

/// <summary>
/// Seeds the demo catalog through the grains, in the background so that start-up does not wait for it (a thousand
/// products take some seconds). Categories are found by slug and products live under fixed ids, so seeding again (after
/// a restart, or after a crash half-way) creates nothing twice and completes what is missing; calling every product
/// also activates it, which re-projects it into the catalog read model if that was lost.
/// </summary>
internal sealed class DemoCatalog(IGrainFactory grains, IOptions<DemoOptions> options, ILogger<DemoCatalog> logger) : BackgroundService
{
    private const int Parallelism = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Seed)
        {
            return;
        }

        try
        {
            var categoryIds = await CategoriesAsync();
            var created = 0;
            await Parallel.ForEachAsync(
                DemoCatalogData.Products(options.Value.Products),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
                async (demo, _) =>
                {
                    if (await SeedAsync(demo, categoryIds[demo.CategorySlug]))
                    {
                        Interlocked.Increment(ref created);
                    }
                });
            logger.LogInformation("Demo catalog ready: {Created} of {Count} products created now.", created, options.Value.Products);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped half-way: the next start completes the catalog.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Seeding the demo catalog failed; the next start tries again.");
        }
    }

    private async Task<Dictionary<string, string>> CategoriesAsync()
    {
        var tree = grains.GetGrain<ICategoryTreeGrain>(WellKnownKeys.CategoryTree);
        var ids = (await tree.GetAllAsync()).ToDictionary(c => c.Slug, c => c.Id, StringComparer.Ordinal);
        foreach (var (name, slug, children) in DemoCatalogData.Departments)
        {
            var parentId = await CategoryAsync(tree, ids, name, slug, parentId: null);
            foreach (var child in children)
            {
                await CategoryAsync(tree, ids, child, DemoCatalogData.CategorySlug(child), parentId);
            }
        }

        return ids;
    }

    private static async Task<string> CategoryAsync(ICategoryTreeGrain tree, Dictionary<string, string> ids, string name, string slug, string? parentId)
    {
        if (ids.TryGetValue(slug, out var id))
        {
            return id;
        }

        var created = await tree.CreateAsync(new CategoryDraft(name, slug, parentId));
        return ids[slug] = created.Value?.Id ?? throw new InvalidOperationException($"Demo category {slug}: {created.Error?.Message}");
    }

    /// <summary>Creates the product and receives its stock, whichever of the two is missing; true if the product is new.</summary>
    private async Task<bool> SeedAsync(DemoProduct demo, string categoryId)
    {
        var product = grains.GetGrain<IProductGrain>(demo.Id);
        var isNew = await product.GetAsync() is null;
        if (isNew)
        {
            var created = await product.CreateAsync(demo.Draft with { CategoryIds = [categoryId] });
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo product {demo.Draft.Sku}: {created.Error?.Message}");
            }
        }

        var stock = grains.GetGrain<IProductStockGrain>(demo.Id);
        if (demo.Stock > 0 && (await stock.GetLevelAsync()).Received == 0)
        {
            await stock.AdjustAsync(demo.Stock, "demo stock");
        }

        return isNew;
    }
}
