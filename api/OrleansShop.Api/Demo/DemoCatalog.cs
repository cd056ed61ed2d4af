using System.Diagnostics;
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
            var started = Stopwatch.GetTimestamp();
            var categoryIds = await CategoriesAsync();
            var products = DemoCatalogData.Products(options.Value.Products).ToList();

            // One at a time, in catalog order: the default listing sorts by creation time, so this is what makes a fresh
            // shop show the same first page on every start. Stock has no order to keep and is received in parallel.
            var created = 0;
            foreach (var demo in products)
            {
                stoppingToken.ThrowIfCancellationRequested();
                if (await CreateAsync(demo, categoryIds[demo.CategorySlug]))
                {
                    created++;
                }
            }

            await Parallel.ForEachAsync(
                products,
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
                async (demo, _) => await ReceiveStockAsync(demo));
            logger.LogInformation(
                "Demo catalog ready: {Created} of {Count} products created now, in {Elapsed:0.0} s.", created, products.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
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

    /// <summary>Creates the product unless it exists; true if it is new.</summary>
    private async Task<bool> CreateAsync(DemoProduct demo, string categoryId)
    {
        var product = grains.GetGrain<IProductGrain>(demo.Id);
        if (await product.GetAsync() is not null)
        {
            return false;
        }

        var created = await product.CreateAsync(demo.Draft with { CategoryIds = [categoryId] });
        return created.Succeeded ? true : throw new InvalidOperationException($"Demo product {demo.Draft.Sku}: {created.Error?.Message}");
    }

    /// <summary>Receives the product's demo stock unless some was received before.</summary>
    private async Task ReceiveStockAsync(DemoProduct demo)
    {
        var stock = grains.GetGrain<IProductStockGrain>(demo.Id);
        if (demo.Stock > 0 && (await stock.GetLevelAsync()).Received == 0)
        {
            await stock.AdjustAsync(demo.Stock, "demo stock");
        }
    }
}
