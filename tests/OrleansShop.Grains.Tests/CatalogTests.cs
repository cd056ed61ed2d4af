using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

public sealed class CatalogTests
{
    private static ProductDraft Draft(string sku, string name = "Red Running Shoes", string? slug = null) =>
        new(sku, name, slug, "Light and fast.", "Acme", new Money(89.90m, "USD"), ["https://cdn.example/shoe.jpg"], null, [new ProductAttribute("color", "red")]);

    [Fact]
    public async Task Create_makes_a_slug_from_the_name_and_keeps_the_data()
    {
        await using var silo = await ShopSilo.StartAsync();

        var created = await silo.Product("p1").CreateAsync(Draft("SHOE-1"));

        Assert.True(created.Succeeded);
        var product = (await silo.Product("p1").GetAsync())!;
        Assert.Equal("red-running-shoes", product.Slug);
        Assert.Equal(new Money(89.90m, "USD"), product.Price);
        Assert.Equal([new ProductAttribute("color", "red")], product.Attributes);
        Assert.False(product.Archived);
        Assert.Equal("p1", await silo.Grains.GetGrain<ISlugIndexGrain>("red-running-shoes").GetOwnerAsync());
    }

    [Fact]
    public async Task Create_with_bad_input_reports_every_field_and_creates_nothing()
    {
        await using var silo = await ShopSilo.StartAsync();

        var result = await silo.Product("p1").CreateAsync(new ProductDraft(
            "", " ", "Not A Slug", "ok", null, new Money(-1.005m, "usd"), ["ftp://x"], ["no-such-category"], null));

        Assert.False(result.Succeeded);
        var fields = result.Errors.Select(e => string.Join('.', e.Field!)).ToHashSet();
        Assert.Superset(new HashSet<string> { "input.sku", "input.name", "input.slug", "input.price", "input.currency", "input.images.0", "input.categoryIds" }, fields);
        Assert.Null(await silo.Product("p1").GetAsync());
    }

    [Fact]
    public async Task Concurrent_creates_with_the_same_sku_let_exactly_one_product_have_it()
    {
        await using var silo = await ShopSilo.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            silo.Product($"p{i}").CreateAsync(Draft("same-sku", name: $"Shoe {i}"))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCode.Conflict, r.Error!.Code));
        var winner = results.Single(r => r.Succeeded).Value!.Id;
        Assert.Equal(winner, await silo.Grains.GetGrain<ISkuIndexGrain>(UniqueKeys.Sku("SAME-SKU")).GetOwnerAsync());
    }

    [Fact]
    public async Task A_taken_slug_is_refused_and_leaves_the_sku_free()
    {
        await using var silo = await ShopSilo.StartAsync();
        await silo.Product("p1").CreateAsync(Draft("SKU-1", slug: "shoe"));

        var second = await silo.Product("p2").CreateAsync(Draft("SKU-2", slug: "shoe"));

        Assert.Equal(ErrorCode.Conflict, second.Error!.Code);
        Assert.Equal(["input", "slug"], second.Error.Field);
        Assert.Null(await silo.Grains.GetGrain<ISkuIndexGrain>(UniqueKeys.Sku("SKU-2")).GetOwnerAsync());
    }

    [Fact]
    public async Task Update_changes_only_the_given_fields_and_validates_them()
    {
        await using var silo = await ShopSilo.StartAsync();
        await silo.Product("p1").CreateAsync(Draft("SKU-1"));

        var refused = await silo.Product("p1").UpdateAsync(new ProductChanges(Price: 10.001m));
        var updated = await silo.Product("p1").UpdateAsync(new ProductChanges(Name: "Blue Shoes", Price: 79.00m));

        Assert.Equal(ErrorCode.InvalidInput, refused.Error!.Code);
        Assert.Equal("Blue Shoes", updated.Value!.Name);
        Assert.Equal(new Money(79.00m, "USD"), updated.Value.Price);
        Assert.Equal("red-running-shoes", updated.Value.Slug);
        Assert.Equal("Light and fast.", updated.Value.Description);
    }

    [Fact]
    public async Task Update_or_archive_of_an_unknown_product_is_not_found()
    {
        await using var silo = await ShopSilo.StartAsync();

        Assert.Equal(ErrorCode.NotFound, (await silo.Product("nope").UpdateAsync(new ProductChanges(Name: "x"))).Error!.Code);
        Assert.Equal(ErrorCode.NotFound, (await silo.Product("nope").ArchiveAsync()).Error!.Code);
    }

    [Fact]
    public async Task Categories_form_a_tree_and_products_may_only_use_existing_ones()
    {
        await using var silo = await ShopSilo.StartAsync();
        var tree = silo.Grains.GetGrain<ICategoryTreeGrain>(WellKnownKeys.CategoryTree);

        var shoes = (await tree.CreateAsync(new CategoryDraft("Shoes"))).Value!;
        var running = (await tree.CreateAsync(new CategoryDraft("Running Shoes", ParentId: shoes.Id))).Value!;
        var duplicate = await tree.CreateAsync(new CategoryDraft("Shoes"));
        var orphan = await tree.CreateAsync(new CategoryDraft("Orphan", ParentId: "missing"));
        var product = await silo.Product("p1").CreateAsync(Draft("SKU-1") with { CategoryIds = [running.Id] });

        Assert.Equal("running-shoes", running.Slug);
        Assert.Equal([running.Id], (await tree.GetAsync(shoes.Id))!.ChildIds);
        Assert.Equal([shoes.Id, running.Id], (await tree.GetAllAsync()).Select(c => c.Id));
        Assert.Equal(ErrorCode.Conflict, duplicate.Error!.Code);
        Assert.Equal(ErrorCode.NotFound, orphan.Error!.Code);
        Assert.Equal([running.Id], product.Value!.CategoryIds);
    }
}
