using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary><c>products(search, where, order, paging)</c> and facets over real HTTP, on the catalog read model the grains keep current.</summary>
public sealed class CatalogSearchTests(ShopServerFixture fixture) : IClassFixture<ShopServerFixture>
{
    private const string Products = """
        query($q: String, $where: ProductFilter, $order: [ProductSort!], $first: Int, $after: String, $last: Int, $before: String) {
          products(search: $q, where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            nodes { id sku name price { amount } }
          }
        }
        """;

    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task Search_filters_sorting_and_facets_answer_for_the_matched_products()
    {
        var word = Word();
        var admin = await Server.AdminTokenAsync();
        await CreateAsync(admin, word, "Kettle", "Brewline", "10.00", stock: 5);
        await CreateAsync(admin, word, "Grinder", "Brewline", "30.00", stock: 5);
        await CreateAsync(admin, word, "Scale", "Hario", "60.00", stock: 0);
        await CreateAsync(admin, word, "Espresso machine", "Hario", "300.00", stock: 2);

        var all = await QueryAsync(new { q = word, order = new[] { new { field = "PRICE", direction = "DESC" } } });
        // Availability reaches search from the stock events, a moment after the stock grain saved it.
        var filtered = await Eventually.UntilAsync(
            () => QueryAsync(new { q = word, where = new { brand = new[] { "Hario", "Brewline" }, minPrice = "20", maxPrice = "400", inStock = true } }),
            p => p["totalCount"]!.GetValue<int>() == 2);
        var byName = await QueryAsync(new { q = word, order = new[] { new { field = "NAME", direction = "ASC" } } });
        var facets = (await Server.DataAsync(
            "query($q: String) { products(search: $q) { facets { field values { value count } } } }", new { q = word }))["products"]!;

        Assert.Equal(["Espresso machine", "Scale", "Grinder", "Kettle"], all.Names());
        Assert.Equal(4, all["totalCount"]!.GetValue<int>());
        Assert.Equal(["Espresso machine", "Grinder"], filtered.Names().Order(StringComparer.Ordinal));
        Assert.Equal(2, filtered["totalCount"]!.GetValue<int>());
        Assert.Equal(["Espresso machine", "Grinder", "Kettle", "Scale"], byName.Names());
        Assert.Equal(new Dictionary<string, int> { ["Brewline"] = 2, ["Hario"] = 2 }, facets.Facet("brand"));
        Assert.Equal(new Dictionary<string, int> { ["0-25"] = 1, ["25-50"] = 1, ["50-100"] = 1, ["250+"] = 1 }, facets.Facet("price"));
    }

    [Fact]
    public async Task Paging_forwards_then_backwards_visits_every_product_once()
    {
        var word = Word();
        var admin = await Server.AdminTokenAsync();
        for (var i = 0; i < 5; i++)
        {
            await CreateAsync(admin, word, $"Mug {i}", "Potter", $"{10 + i}.00", stock: 1);
        }

        var order = new[] { new { field = "PRICE", direction = "ASC" } };
        var forwards = new List<string>();
        string? after = null;
        JsonNode page;
        do
        {
            page = await QueryAsync(new { q = word, order, first = 2, after });
            Assert.Equal(after is not null, page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            forwards.AddRange(page.Names());
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        while (page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        var backwards = new List<string>();
        string? before = null;
        do
        {
            page = await QueryAsync(new { q = word, order, last = 2, before });
            backwards.InsertRange(0, page.Names());
            before = page["pageInfo"]!["startCursor"]!.GetValue<string>();
        }
        while (page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());

        Assert.Equal(["Mug 0", "Mug 1", "Mug 2", "Mug 3", "Mug 4"], forwards);
        Assert.Equal(forwards, backwards);
    }

    [Fact]
    public async Task Category_filter_includes_subcategories_and_category_pages_list_their_products()
    {
        var word = Word();
        var admin = await Server.AdminTokenAsync();
        var parent = await Server.CreateCategoryAsync(admin, "Garden " + word, null);
        var child = await Server.CreateCategoryAsync(admin, "Hoses " + word, parent);
        await CreateAsync(admin, word, "Garden hose", "Greenly", "25.00", stock: 3, categoryIds: [child]);
        await CreateAsync(admin, word, "Rake", "Greenly", "15.00", stock: 3);

        var filtered = await QueryAsync(new { q = word, where = new { categoryId = parent } });
        var categoryPage = await Server.DataAsync(
            "query($id: ID!) { node(id: $id) { ... on Category { products(order: [{ field: NAME }]) { totalCount nodes { name } } } } }", new { id = parent });

        Assert.Equal(["Garden hose"], filtered.Names());
        Assert.Equal(["Garden hose"], categoryPage["node"]!["products"]!.Names());
    }

    [Fact]
    public async Task Category_facet_values_carry_the_category_name_and_other_facets_their_value()
    {
        var word = Word();
        var admin = await Server.AdminTokenAsync();
        var parent = await Server.CreateCategoryAsync(admin, "Kitchen " + word, null);
        var child = await Server.CreateCategoryAsync(admin, "Kettles " + word, parent);
        await CreateAsync(admin, word, "Gooseneck kettle", "Brewline", "45.00", stock: 2, categoryIds: [child]);
        var names = new Dictionary<string, string> { [parent] = "Kitchen " + word, [child] = "Kettles " + word };

        var facets = (await Server.DataAsync(
            "query($q: String) { products(search: $q) { facets { field values { value count label } } } }", new { q = word }))["products"]!["facets"]!.AsArray();
        var category = facets.Single(f => f!["field"]!.GetValue<string>() == "category")!["values"]!.AsArray();
        var brand = facets.Single(f => f!["field"]!.GetValue<string>() == "brand")!["values"]!.AsArray();

        Assert.Contains(category, v => v!["value"]!.GetValue<string>() == child);
        Assert.All(category, v => Assert.Equal(names[v!["value"]!.GetValue<string>()], v["label"]!.GetValue<string>()));
        Assert.Equal(("Brewline", "Brewline"), (brand.Single()!["value"]!.GetValue<string>(), brand.Single()!["label"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Admins_find_archived_products_and_shoppers_do_not()
    {
        var word = Word();
        var admin = await Server.AdminTokenAsync();
        var id = await CreateAsync(admin, word, "Old lamp", "Lumen", "40.00", stock: 1);
        await Server.DataAsync("mutation($input: ArchiveProductInput!) { archiveProduct(input: $input) { errors { code } } }", new { input = new { productId = id } }, admin);

        var shopper = await QueryAsync(new { q = word });
        var administrator = await QueryAsync(new { q = word }, admin);

        Assert.Empty(shopper.Names());
        Assert.Equal(0, shopper["totalCount"]!.GetValue<int>());
        Assert.Equal(["Old lamp"], administrator.Names());
    }

    [Fact]
    public async Task A_price_change_shows_in_search_within_a_second()
    {
        var word = Word();
        var admin = await Server.AdminTokenAsync();
        var id = await CreateAsync(admin, word, "Desk", "Woodly", "100.00", stock: 1);
        var expensive = new { q = word, where = new { minPrice = "400" } };
        Assert.Empty((await QueryAsync(expensive)).Names());

        await Server.DataAsync(
            "mutation($input: UpdateProductInput!) { updateProduct(input: $input) { errors { code } } }", new { input = new { productId = id, price = "450.00" } }, admin);
        var found = await Eventually.UntilAsync(() => QueryAsync(expensive), p => p.Names().Count > 0, seconds: 1);

        Assert.Equal("450.00", found["nodes"]![0]!["price"]!["amount"]!.ToString());
    }

    [Theory]
    [InlineData("{ products(after: \"bm90LWEtY3Vyc29y\") { totalCount } }", "INVALID_CURSOR")]
    [InlineData("{ products(first: 2, last: 2) { totalCount } }", "INVALID_PAGING_ARGUMENT")]
    [InlineData("{ products(first: 101) { totalCount } }", "PAGE_SIZE_EXCEEDED")]
    [InlineData("{ products(where: { minPrice: \"50\", maxPrice: \"10\" }) { totalCount } }", "INVALID_ARGUMENT")]
    [InlineData("{ products(where: { categoryId: \"not-an-id\" }) { totalCount } }", "INVALID_ARGUMENT")]
    public async Task Bad_paging_cursor_or_filter_input_is_a_clear_GraphQL_error(string query, string code)
    {
        var response = await Server.PostAsync(query);

        var error = Assert.Single(response["errors"]!.AsArray())!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain("Exception", response.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>A word no other test's products contain, so that tests sharing the server do not see each other's products.</summary>
    private static string Word() => "w" + Guid.NewGuid().ToString("N")[..10];

    private async Task<JsonNode> QueryAsync(object variables, string? token = null) => (await Server.DataAsync(Products, variables, token))["products"]!;

    private Task<string> CreateAsync(string admin, string word, string name, string brand, string price, int stock, string[]? categoryIds = null) =>
        Server.CreateProductAsync(admin, price, stock, name, brand, $"{name} ({word}), made to last.", categoryIds);
}
