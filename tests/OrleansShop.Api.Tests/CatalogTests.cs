using OrleansShop.Api.Demo;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

public sealed class CatalogTests(SharedShopServer fixture)
{
    private const string CreateProduct =
        "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id sku slug name price { amount currency } available stock { available onHand } categories { name } } errors { code message field } } }";

    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task A_customer_creating_a_product_is_FORBIDDEN_and_nothing_is_created()
    {
        var token = (await Server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        var sku = "SKU-" + Guid.NewGuid().ToString("N")[..8];

        var refused = (await Server.DataAsync(CreateProduct, new { input = Product(sku) }, token))["createProduct"]!;
        var anonymous = (await Server.DataAsync(CreateProduct, new { input = Product(sku) }))["createProduct"]!;

        Assert.Equal("FORBIDDEN", refused["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Null(refused["product"]);
        Assert.Equal("UNAUTHENTICATED", anonymous["errors"]![0]!["code"]!.GetValue<string>());
        var found = await Server.DataAsync("query($slug: String) { product(slug: $slug) { id } }", new { slug = sku.ToLowerInvariant() });
        Assert.Null(found["product"]);
        var admin = await Server.AdminTokenAsync();
        var created = (await Server.DataAsync(CreateProduct, new { input = Product(sku) }, admin))["createProduct"]!;
        Assert.Empty(created["errors"]!.AsArray()); // the SKU was never claimed by the refused attempts
    }

    [Fact]
    public async Task An_admin_creates_a_category_and_product_that_shoppers_find_by_id_slug_node_and_list()
    {
        var admin = await Server.AdminTokenAsync();
        var slug = "cat-" + Guid.NewGuid().ToString("N")[..8];
        var category = (await Server.DataAsync(
            "mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { id name slug } errors { code } } }",
            new { input = new { name = "Kettles", slug } },
            admin))["createCategory"]!["category"]!;
        var sku = "SKU-" + Guid.NewGuid().ToString("N")[..8];

        var product = (await Server.DataAsync(CreateProduct, new { input = Product(sku, [category["id"]!.GetValue<string>()]) }, admin))["createProduct"]!;
        Assert.Empty(product["errors"]!.AsArray());
        var id = product["product"]!["id"]!.GetValue<string>();
        Assert.Equal("12.50", product["product"]!["price"]!["amount"]!.GetValue<string>());
        Assert.Equal(5, product["product"]!["stock"]!["onHand"]!.GetValue<int>());

        var byId = await Server.DataAsync("query($id: ID) { product(id: $id) { name available stock { available } categories { slug } } }", new { id });
        Assert.Equal("Travel kettle", byId["product"]!["name"]!.GetValue<string>());
        Assert.True(byId["product"]!["available"]!.GetValue<bool>());
        Assert.Equal(slug, byId["product"]!["categories"]![0]!["slug"]!.GetValue<string>());
        var bySlug = await Server.DataAsync("query($slug: String) { product(slug: $slug) { id } }", new { slug = product["product"]!["slug"]!.GetValue<string>() });
        Assert.Equal(id, bySlug["product"]!["id"]!.GetValue<string>());
        var node = await Server.DataAsync("query($id: ID!) { node(id: $id) { __typename id ... on Product { sku } } }", new { id });
        Assert.Equal("Product", node["node"]!["__typename"]!.GetValue<string>());
        Assert.Equal(sku, node["node"]!["sku"]!.GetValue<string>());
        var inCategory = await Server.DataAsync(
            "{ categories { slug products(first: 10) { totalCount nodes { id } } } }");
        var kettles = inCategory["categories"]!.AsArray().Single(c => c!["slug"]!.GetValue<string>() == slug)!;
        Assert.Equal(id, Assert.Single(kettles["products"]!["nodes"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stock_on_hand_is_for_admins_and_archived_products_are_hidden_from_shoppers()
    {
        var admin = await Server.AdminTokenAsync();
        var id = (await Server.DataAsync(CreateProduct, new { input = Product("SKU-" + Guid.NewGuid().ToString("N")[..8]) }, admin))["createProduct"]!["product"]!["id"]!.GetValue<string>();

        var shopper = await Server.PostAsync("query($id: ID) { product(id: $id) { stock { onHand } } }", new { id });
        Assert.Equal("FORBIDDEN", shopper["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        var adjusted = (await Server.DataAsync(
            "mutation($input: AdjustStockInput!) { adjustStock(input: $input) { product { stock { onHand } } errors { code } } }",
            new { input = new { productId = id, delta = -10, reason = "broken" } },
            admin))["adjustStock"]!;
        Assert.Equal("INVALID_INPUT", adjusted["errors"]![0]!["code"]!.GetValue<string>());

        var archived = (await Server.DataAsync(
            "mutation($input: ArchiveProductInput!) { archiveProduct(input: $input) { product { archived } errors { code } } }",
            new { input = new { productId = id } },
            admin))["archiveProduct"]!;
        Assert.True(archived["product"]!["archived"]!.GetValue<bool>());
        Assert.Null((await Server.DataAsync("query($id: ID) { product(id: $id) { id } }", new { id }))["product"]);
        Assert.NotNull((await Server.DataAsync("query($id: ID) { product(id: $id) { id } }", new { id }, admin))["product"]);
    }

    [Fact]
    public async Task Bad_product_input_gives_user_errors_with_fields()
    {
        var admin = await Server.AdminTokenAsync();

        var payload = (await Server.DataAsync(
            CreateProduct,
            new { input = new { sku = "", name = "X", description = "d", price = "-1", initialStock = -2 } },
            admin))["createProduct"]!;

        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("INVALID_INPUT", error["code"]!.GetValue<string>());
        Assert.Equal(["input", "initialStock"], error["field"]!.AsArray().Select(f => f!.GetValue<string>()));
        var invalid = (await Server.DataAsync(
            CreateProduct,
            new { input = new { sku = "", name = "X", description = "d", price = "-1" } },
            admin))["createProduct"]!;
        Assert.Contains(invalid["errors"]!.AsArray(), e => e!["field"]!.AsArray().Select(f => f!.GetValue<string>()).SequenceEqual(["input", "price"]));
    }

    [Fact]
    public async Task The_demo_catalog_is_seeded_in_the_background_once_across_restarts_and_is_searchable()
    {
        var directory = Directory.CreateTempSubdirectory("orleansshop-api-").FullName;
        string[] settings = ["OrleansShop:Demo:Products=40"];
        var demo = DemoCatalogData.Products(40).ToList();
        const string Count = "{ products(first: 100) { totalCount nodes { sku } } categories { slug children { slug } } }";
        const string Search = "query($q: String) { products(search: $q, first: 100) { nodes { sku name available images attributes { name } categories { slug } } } }";
        try
        {
            await using (var first = await ShopServer.StartAsync(directory, seedDemo: true, settings))
            {
                // The page and its totalCount are two reads of a read model still being filled: wait for the page itself.
                var seeded = await Eventually.UntilAsync(() => first.DataAsync(Count), d => d["products"]!["nodes"]!.AsArray().Count >= 40, seconds: 60);

                // The default listing (by creation) is the catalog's own order, the same on every fresh start.
                Assert.Equal(demo.Select(d => d.Draft.Sku), seeded["products"]!["nodes"]!.AsArray().Select(p => p!["sku"]!.GetValue<string>()));

                var bySku = (await first.DataAsync(Search, new { q = demo[0].Draft.Sku }))["products"]!["nodes"]!.AsArray();
                var product = Assert.Single(bySku)!;
                Assert.Equal(demo[0].Draft.Name, product["name"]!.GetValue<string>());
                Assert.Equal(demo[0].Stock > 0, product["available"]!.GetValue<bool>());
                Assert.NotEmpty(product["images"]!.AsArray());
                Assert.Equal(3, product["attributes"]!.AsArray().Count);
                Assert.Equal(demo[0].CategorySlug, product["categories"]![0]!["slug"]!.GetValue<string>());
                var byName = (await first.DataAsync(Search, new { q = demo[5].Draft.Name }))["products"]!["nodes"]!.AsArray();
                Assert.Contains(byName, p => p!["sku"]!.GetValue<string>() == demo[5].Draft.Sku);
            }

            await using var second = await ShopServer.StartAsync(directory, seedDemo: true, settings);
            var again = await second.DataAsync(Count);
            Assert.Equal(40, again["products"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(40, again["products"]!["nodes"]!.AsArray().Select(p => p!["sku"]!.GetValue<string>()).Distinct().Count());
            var departments = again["categories"]!.AsArray();
            Assert.Equal(5, departments.Count);
            Assert.All(departments, d => Assert.Equal(3, d!["children"]!.AsArray().Count));
        }
        finally
        {
            ShopServer.TryDelete(directory);
        }
    }

    private static object Product(string sku, string[]? categoryIds = null) => new
    {
        sku,
        name = "Travel kettle",
        slug = sku.ToLowerInvariant(),
        description = "Folds flat.",
        brand = "Brewline",
        price = "12.50",
        initialStock = 5,
        categoryIds,
    };
}
