using OrleansShop.GrainInterfaces;
using OrleansShop.ReadModels.Catalog;

namespace OrleansShop.ReadModels.Tests.Catalog;

/// <summary>The catalog read model's behaviour, run against each SQL dialect by a subclass that supplies the database.</summary>
public abstract class CatalogSearchContract
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // id, name, brand, price, categories, available, rating count, rating sum, description
    private static readonly (string Id, string Name, string? Brand, decimal Price, string[] Categories, int Available, int Ratings, int RatingSum, string Description)[] Seed =
    [
        ("p01", "Trail running shoe", "Acme", 89.90m, ["shoes"], 5, 2, 9, "Grippy sole for mountain paths."),
        ("p02", "Road running shoe", "Acme", 119.00m, ["shoes"], 0, 1, 3, "Light shoe for asphalt."),
        ("p03", "Hiking boot", "Summit", 149.50m, ["boots"], 2, 0, 0, "Waterproof leather boot for the trail."),
        ("p04", "Wool socks", "Summit", 12.00m, ["socks"], 40, 3, 15, "Merino wool, keeps feet warm."),
        ("p05", "Cotton socks", "Basics", 12.00m, ["socks"], 0, 0, 0, "Everyday cotton socks."),
        ("p06", "Rain jacket", "Summit", 249.99m, ["jackets"], 3, 4, 14, "Packable shell against wind and rain."),
        ("p07", "Down jacket", "Northway", 329.00m, ["jackets"], 1, 2, 10, "Warm down fill for cold trips."),
        ("p08", "Trail gaiters", null, 25.00m, ["accessories"], 10, 1, 4, "Keep stones out of your shoes."),
        ("p09", "Headlamp", "Northway", 45.00m, ["accessories"], 0, 0, 0, "Bright light for night hikes."),
        ("p10", "Water bottle", "Basics", 19.50m, ["accessories", "kitchen"], 25, 5, 20, "Steel bottle, one litre."),
        ("p11", "Camp stove", "Northway", 99.99m, ["kitchen"], 4, 1, 5, "Compact stove for trail cooking."),
        ("p12", "Tent", "Summit", 499.00m, [], 1, 2, 7, "Two-person tent."),
    ];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<CatalogStore> StoreAsync();

    [Fact]
    public async Task Search_finds_every_word_and_ranks_name_matches_before_description_matches()
    {
        var search = await SeededAsync();

        var trail = await AllIdsAsync(search, new CatalogQuery("trail"));
        var trailShoe = await AllIdsAsync(search, new CatalogQuery("trail shoe"));

        Assert.Equal(["p01", "p03", "p08", "p11"], trail.Order(StringComparer.Ordinal));
        Assert.Contains(trail[0], new[] { "p01", "p08" });
        Assert.Contains(trail[1], new[] { "p01", "p08" });
        Assert.Equal("p01", trailShoe[0]);
        Assert.DoesNotContain("p02", trailShoe);
    }

    [Fact]
    public async Task Search_matches_brand_and_sku_and_ignores_query_syntax_in_the_text()
    {
        var search = await SeededAsync();

        Assert.Equal(["p07", "p09", "p11"], (await AllIdsAsync(search, new CatalogQuery("northway"))).Order(StringComparer.Ordinal));
        Assert.Equal(["p04"], await AllIdsAsync(search, new CatalogQuery("SKU-P04")));
        Assert.Equal(["p12"], await AllIdsAsync(search, new CatalogQuery("\"tent*\" )")));
        Assert.Empty(await AllIdsAsync(search, new CatalogQuery("snowboard")));
    }

    [Fact]
    public async Task Category_filter_matches_any_of_the_given_categories()
    {
        var search = await SeededAsync();

        var ids = await AllIdsAsync(search, new CatalogQuery(Filter: new ProductFilter(CategoryIds: ["accessories", "kitchen"])));

        Assert.Equal(["p08", "p09", "p10", "p11"], ids.Order(StringComparer.Ordinal));
        Assert.Empty(await AllIdsAsync(search, new CatalogQuery(Filter: new ProductFilter(CategoryIds: []))));
    }

    [Fact]
    public async Task Brand_price_stock_and_rating_filters_each_narrow_the_set()
    {
        var search = await SeededAsync();

        Assert.Equal(Expected(p => p.Brand is "Basics" or "Northway"),
            await SortedIdsAsync(search, new ProductFilter(Brands: ["Basics", "Northway"])));
        Assert.Equal(Expected(p => p.Price is >= 25m and <= 119m),
            await SortedIdsAsync(search, new ProductFilter(MinPrice: 25m, MaxPrice: 119m)));
        Assert.Equal(Expected(p => p.Available > 0), await SortedIdsAsync(search, new ProductFilter(InStock: true)));
        Assert.Equal(Expected(p => p.Available <= 0), await SortedIdsAsync(search, new ProductFilter(InStock: false)));
        Assert.Equal(Expected(p => p.Ratings > 0 && (double)p.RatingSum / p.Ratings >= 4.0),
            await SortedIdsAsync(search, new ProductFilter(MinRating: 4.0)));
        Assert.Equal(["p04", "p10"], await SortedIdsAsync(search, new ProductFilter(Brands: ["Summit", "Basics"], MaxPrice: 20m, InStock: true)));
    }

    [Theory]
    [InlineData(CatalogSortField.Name, false)]
    [InlineData(CatalogSortField.Name, true)]
    [InlineData(CatalogSortField.Price, false)]
    [InlineData(CatalogSortField.Price, true)]
    [InlineData(CatalogSortField.CreatedAt, false)]
    [InlineData(CatalogSortField.CreatedAt, true)]
    [InlineData(CatalogSortField.Rating, false)]
    [InlineData(CatalogSortField.Rating, true)]
    public async Task Each_sort_orders_the_whole_set_with_ties_broken_by_id(CatalogSortField field, bool descending)
    {
        var search = await SeededAsync();

        var ids = await AllIdsAsync(search, new CatalogQuery(Sort: [new CatalogSort(field, descending)]), pageSize: 5);

        Func<(string Id, string Name, string? Brand, decimal Price, string[] Categories, int Available, int Ratings, int RatingSum, string Description), IComparable> key = field switch
        {
            CatalogSortField.Name => p => p.Name.ToLowerInvariant(),
            CatalogSortField.Price => p => p.Price,
            CatalogSortField.CreatedAt => p => int.Parse(p.Id[1..], System.Globalization.CultureInfo.InvariantCulture),
            _ => p => p.Ratings == 0 ? 0d : (double)p.RatingSum / p.Ratings,
        };
        var ordered = descending ? Seed.OrderByDescending(key) : Seed.OrderBy(key);
        Assert.Equal([.. ordered.ThenBy(p => p.Id, StringComparer.Ordinal).Select(p => p.Id)], ids);
    }

    [Fact]
    public async Task Relevance_is_the_default_order_when_searching_and_descending_reverses_it()
    {
        var search = await SeededAsync();

        var byDefault = await AllIdsAsync(search, new CatalogQuery("trail"), pageSize: 1);
        var reversed = await AllIdsAsync(search, new CatalogQuery("trail", Sort: [new CatalogSort(CatalogSortField.Relevance, Descending: true)]), pageSize: 1);

        Assert.Equal(4, byDefault.Count);
        Assert.Equal(byDefault.AsEnumerable().Reverse().Take(2).ToHashSet(), reversed.Take(2).ToHashSet());
        Assert.Equal(byDefault[..2].ToHashSet(), reversed[2..].ToHashSet());
    }

    [Fact]
    public async Task Paging_forwards_and_backwards_visits_every_product_once_with_correct_page_info()
    {
        var search = await SeededAsync();
        var query = new CatalogQuery(Sort: [new CatalogSort(CatalogSortField.Price, Descending: true)]);
        var expected = await AllIdsAsync(search, query, pageSize: 100);

        var forwards = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = await search.PageAsync(query, new CatalogPageRequest(First: 5, After: after), Ct);
            Assert.Equal(after is not null, page.HasPreviousPage);
            forwards.AddRange(page.Hits.Select(h => h.ProductId));
            pages++;
            if (!page.HasNextPage)
            {
                break;
            }

            after = page.Hits[^1].Cursor;
        }

        var backwards = new List<string>();
        string? before = null;
        while (true)
        {
            var page = await search.PageAsync(query, new CatalogPageRequest(Last: 5, Before: before), Ct);
            Assert.Equal(before is not null, page.HasNextPage);
            backwards.InsertRange(0, page.Hits.Select(h => h.ProductId));
            if (!page.HasPreviousPage)
            {
                break;
            }

            before = page.Hits[0].Cursor;
        }

        Assert.Equal(12, expected.Count);
        Assert.Equal(3, pages);
        Assert.Equal(expected, forwards);
        Assert.Equal(expected, backwards);
    }

    [Fact]
    public async Task A_cursor_stays_correct_when_products_are_added_before_it()
    {
        var search = await SeededAsync();
        var query = new CatalogQuery(Sort: [new CatalogSort(CatalogSortField.Name)]);
        var first = await search.PageAsync(query, new CatalogPageRequest(First: 4), Ct);
        var projection = new SqlCatalogProjection(await StoreAsync());
        await projection.ProjectProductAsync(Product("p00", "Aardvark mug", "Basics", 5m, []), 1, Ct);

        var next = await search.PageAsync(query, new CatalogPageRequest(First: 4, After: first.Hits[^1].Cursor), Ct);
        var all = await AllIdsAsync(search, query);

        Assert.Equal(all.Skip(5).Take(4), next.Hits.Select(h => h.ProductId));
    }

    [Fact]
    public async Task Total_count_and_facets_describe_the_whole_matched_set()
    {
        var search = await SeededAsync();
        var query = new CatalogQuery(Filter: new ProductFilter(MinPrice: 20m));

        var count = await search.CountAsync(query, Ct);
        var facets = (await search.FacetsAsync(query, Ct)).ToDictionary(f => f.Field, f => f.Values.ToDictionary(v => v.Value, v => v.Count));

        Assert.Equal(9, count);
        Assert.Equal(new Dictionary<string, int> { ["Summit"] = 3, ["Northway"] = 3, ["Acme"] = 2 }, facets["brand"]);
        Assert.Equal(new Dictionary<string, int> { ["accessories"] = 2, ["jackets"] = 2, ["shoes"] = 2, ["boots"] = 1, ["kitchen"] = 1 }, facets["category"]);
        Assert.Equal(new Dictionary<string, int> { ["25-50"] = 2, ["50-100"] = 2, ["100-250"] = 3, ["250+"] = 2 }, facets["price"]);
        Assert.Equal(["Northway", "Summit", "Acme"], (await search.FacetsAsync(query, Ct))[0].Values.Select(v => v.Value));
    }

    [Fact]
    public async Task A_committed_change_is_seen_by_the_next_query_even_when_the_same_query_was_just_answered()
    {
        var search = await SeededAsync();
        var projection = new SqlCatalogProjection(await StoreAsync());
        var query = new CatalogQuery(Filter: new ProductFilter(InStock: true));
        var before = await search.PageAsync(query, new CatalogPageRequest(First: 50), Ct);
        var countBefore = await search.CountAsync(query, Ct);

        await projection.ProjectStockAsync("p01", 0, 2, Ct);

        var after = await search.PageAsync(query, new CatalogPageRequest(First: 50), Ct);
        Assert.Contains(before.Hits, h => h.ProductId == "p01");
        Assert.DoesNotContain(after.Hits, h => h.ProductId == "p01");
        Assert.Equal(countBefore - 1, await search.CountAsync(query, Ct));
    }

    [Fact]
    public async Task Loaded_pages_are_loaded_once_for_repeated_queries_and_again_after_a_change()
    {
        var search = await SeededAsync();
        var projection = new SqlCatalogProjection(await StoreAsync());
        var loads = 0;
        Task<int> Load(CatalogPage page)
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult(page.Hits.Count);
        }

        var query = new CatalogQuery("socks");
        var first = await search.PageAsync(query, new CatalogPageRequest(First: 10), Load, Ct);
        var again = await search.PageAsync(query, new CatalogPageRequest(First: 10), Load, Ct);
        Assert.Equal(1, loads);
        await projection.ProjectProductAsync(Product("p13", "Hiking socks", "Summit", 14m, []), 1, Ct);
        var changed = await search.PageAsync(query, new CatalogPageRequest(First: 10), Load, Ct);

        Assert.Equal(2, first.Nodes);
        Assert.Same(first, again);
        Assert.Equal(2, loads);
        Assert.Equal(3, changed.Nodes);
    }

    [Fact]
    public async Task A_stale_version_never_overwrites_a_newer_one()
    {
        var store = await StoreAsync();
        var projection = new SqlCatalogProjection(store);
        var search = new CatalogSearch(store);
        await projection.ProjectProductAsync(Product("x", "New name", "Acme", 30m, []), 5, Ct);
        await projection.ProjectStockAsync("x", 0, 7, Ct);
        await projection.ProjectRatingAsync("x", new RatingSummary(3, 15), 3, Ct);

        await projection.ProjectProductAsync(Product("x", "Old name", "Acme", 10m, []), 4, Ct);
        await projection.ProjectStockAsync("x", 9, 6, Ct);
        await projection.ProjectRatingAsync("x", new RatingSummary(1, 1), 1, Ct);

        Assert.Equal(["x"], await AllIdsAsync(search, new CatalogQuery("new", new ProductFilter(MinPrice: 30m, InStock: false, MinRating: 5))));
        Assert.Empty(await AllIdsAsync(search, new CatalogQuery("old")));
    }

    [Fact]
    public async Task Archived_products_are_found_only_when_archived_ones_are_asked_for()
    {
        var store = await StoreAsync();
        var projection = new SqlCatalogProjection(store);
        var search = new CatalogSearch(store);
        await projection.ProjectProductAsync(Product("x", "Vintage lamp", null, 30m, []) with { Archived = true }, 2, Ct);
        await projection.ProjectStockAsync("y", 3, 1, Ct);

        Assert.Empty(await AllIdsAsync(search, new CatalogQuery("lamp")));
        Assert.Equal(["x"], await AllIdsAsync(search, new CatalogQuery("lamp", IncludeArchived: true)));
        Assert.Equal(["x"], await AllIdsAsync(search, new CatalogQuery(IncludeArchived: true)));
    }

    [Fact]
    public async Task Bad_cursors_and_bad_paging_or_price_arguments_are_refused()
    {
        var search = await SeededAsync();
        var byName = new CatalogQuery(Sort: [new CatalogSort(CatalogSortField.Name)]);
        var cursor = (await search.PageAsync(byName, new CatalogPageRequest(First: 1), Ct)).Hits[0].Cursor;

        Task Page(CatalogQuery query, CatalogPageRequest page) => search.PageAsync(query, page, Ct);
        Assert.Equal("INVALID_CURSOR", (await Assert.ThrowsAsync<CatalogQueryException>(() => Page(byName, new(After: "not-a-cursor")))).Code);
        Assert.Equal("INVALID_CURSOR", (await Assert.ThrowsAsync<CatalogQueryException>(() => Page(new CatalogQuery(), new(After: cursor)))).Code);
        Assert.Equal("INVALID_PAGING_ARGUMENT", (await Assert.ThrowsAsync<CatalogQueryException>(() => Page(byName, new(First: 1, Last: 1)))).Code);
        Assert.Equal("PAGE_SIZE_EXCEEDED", (await Assert.ThrowsAsync<CatalogQueryException>(() => Page(byName, new(First: 101)))).Code);
        Assert.Equal("INVALID_ARGUMENT", (await Assert.ThrowsAsync<CatalogQueryException>(() =>
            Page(new CatalogQuery(Filter: new ProductFilter(MinPrice: 50m, MaxPrice: 10m)), new()))).Code);
    }

    private static List<string> Expected(Func<(string Id, string Name, string? Brand, decimal Price, string[] Categories, int Available, int Ratings, int RatingSum, string Description), bool> predicate) =>
        [.. Seed.Where(predicate).Select(p => p.Id).Order(StringComparer.Ordinal)];

    private static ProductDetails Product(string id, string name, string? brand, decimal price, string[] categories, string description = "") => new(
        id, "SKU-" + id.ToUpperInvariant(), id, name, description, brand, new Money(price, "USD"), [], categories, [], false,
        Start.AddMinutes(id == "p00" ? 0 : int.Parse(id.Length > 1 && char.IsDigit(id[1]) ? id[1..] : "99", System.Globalization.CultureInfo.InvariantCulture)),
        Start);

    private async Task<CatalogSearch> SeededAsync()
    {
        var store = await StoreAsync();
        var projection = new SqlCatalogProjection(store);
        foreach (var p in Seed)
        {
            await projection.ProjectProductAsync(Product(p.Id, p.Name, p.Brand, p.Price, p.Categories, p.Description), 1, Ct);
            await projection.ProjectStockAsync(p.Id, p.Available, 1, Ct);
            await projection.ProjectRatingAsync(p.Id, new RatingSummary(p.Ratings, p.RatingSum), p.Ratings, Ct);
        }

        return new CatalogSearch(store);
    }

    private static async Task<List<string>> SortedIdsAsync(CatalogSearch search, ProductFilter filter) =>
        [.. (await AllIdsAsync(search, new CatalogQuery(Filter: filter))).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> AllIdsAsync(CatalogSearch search, CatalogQuery query, int pageSize = 100)
    {
        var ids = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await search.PageAsync(query, new CatalogPageRequest(First: pageSize, After: after), Ct);
            ids.AddRange(page.Hits.Select(h => h.ProductId));
            if (!page.HasNextPage)
            {
                return ids;
            }

            after = page.Hits[^1].Cursor;
        }
    }
}
