using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>The admin order and customer lists, served from SQL read models that the grains keep current.</summary>
public sealed class AdminListTests(SharedShopServer fixture)
{
    private const string Orders =
        "query($first: Int, $after: String, $last: Int, $before: String, $where: OrderFilter) { orders(first: $first, after: $after, last: $last, before: $before, where: $where) { "
        + "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id number status email placedAt } } } }";

    private const string Customers =
        "query($first: Int, $after: String, $search: String) { customers(first: $first, after: $after, search: $search) { "
        + "totalCount pageInfo { hasNextPage endCursor } nodes { id email displayName } } }";

    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task An_admin_lists_orders_newest_first_by_status_email_and_date_with_cursors_and_totals()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(price: "4.00", stock: 50, adminToken: admin);
        var email = ShopServer.UniqueEmail();
        var token = (await Server.RegisterAsync(email))["accessToken"]!.GetValue<string>();
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await Server.AddToCartAsync(productId, 1, accessToken: token);
            ids.Add((await Server.CheckoutAsync(new { shippingAddress = Shopping.Address, idempotencyKey = $"list-{i}" }, token))["order"]!["id"]!.GetValue<string>());
        }

        var cardToken = await Server.TokenizeAsync();
        await Server.PayAsync(ids[1], "CARD", cardToken, accessToken: token);
        await Server.PayAsync(ids[3], "CARD", cardToken, accessToken: token);
        var byEmail = new { customerEmail = email.ToUpperInvariant() };

        var all = await ListAsync(new { first = 2, where = byEmail }, admin, o => o["totalCount"]!.GetValue<int>() == 5);
        var paid = await ListAsync(new { where = new { customerEmail = email, status = new[] { "PAID" } } }, admin, o => o["totalCount"]!.GetValue<int>() == 2);
        var pendingOrPaid = await ListAsync(new { where = new { customerEmail = email, status = new[] { "PAID", "PAYMENT_PENDING" } } }, admin, null);
        var none = await ListAsync(new { where = new { customerEmail = email, placedBefore = start } }, admin, null);
        var window = await ListAsync(new { where = new { customerEmail = email, placedAfter = start, placedBefore = DateTimeOffset.UtcNow.AddMinutes(1) } }, admin, null);

        Assert.Equal([ids[4], ids[3]], Ids(all));
        Assert.True(all["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal([ids[3], ids[1]], Ids(paid));
        Assert.All(paid["edges"]!.AsArray(), e => Assert.Equal("PAID", e!["node"]!.Status()));
        Assert.Equal(5, pendingOrPaid["totalCount"]!.GetValue<int>());
        Assert.Equal(0, none["totalCount"]!.GetValue<int>());
        Assert.Equal(5, window["totalCount"]!.GetValue<int>());

        var next = await ListAsync(new { first = 2, after = all["pageInfo"]!["endCursor"]!.GetValue<string>(), where = byEmail }, admin, null);
        var rest = await ListAsync(new { first = 2, after = next["pageInfo"]!["endCursor"]!.GetValue<string>(), where = byEmail }, admin, null);
        var back = await ListAsync(new { last = 2, before = rest["pageInfo"]!["startCursor"]!.GetValue<string>(), where = byEmail }, admin, null);
        Assert.Equal([ids[2], ids[1]], Ids(next));
        Assert.True(next["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal([ids[0]], Ids(rest));
        Assert.False(rest["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal([ids[2], ids[1]], Ids(back));
        Assert.True(back["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());

        var customer = await Server.PostAsync(Orders, new { first = 1 }, token);
        var anonymous = await Server.PostAsync(Orders, new { first = 1 });
        var badCursor = await Server.PostAsync(Orders, new { after = "not-a-cursor" }, admin);
        Assert.Equal("FORBIDDEN", customer["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("UNAUTHENTICATED", anonymous["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("INVALID_CURSOR", badCursor["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_searches_customers_by_email_or_display_name_with_cursors()
    {
        var admin = await Server.AdminTokenAsync();
        var marker = Guid.NewGuid().ToString("N")[..12];
        var emails = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var email = $"{marker}-{i}@example.com";
            emails.Add(email);
            await Server.RegisterAsync(email);
        }

        var token = (await Server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        await Server.DataAsync(
            "mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { code } } }",
            new { input = new { displayName = "Grace " + marker.ToUpperInvariant() } },
            token);

        var found = await WaitAsync(Customers, new { search = marker, first = 2 }, admin, "customers", c => c["totalCount"]!.GetValue<int>() == 4);
        var page2 = (await Server.DataAsync(Customers, new { search = marker, first = 2, after = found["pageInfo"]!["endCursor"]!.GetValue<string>() }, admin))["customers"]!;
        var byName = (await Server.DataAsync(Customers, new { search = "grace " + marker }, admin))["customers"]!;
        var wildcard = (await Server.DataAsync(Customers, new { search = "%" }, admin))["customers"]!;

        Assert.Equal(4, found["totalCount"]!.GetValue<int>());
        Assert.True(found["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var listed = found["nodes"]!.AsArray().Concat(page2["nodes"]!.AsArray()).Select(n => n!["email"]!.GetValue<string>()).ToList();
        Assert.Equal(4, listed.Distinct().Count());
        Assert.Equal(emails[2], listed[1]);
        Assert.Equal("Grace " + marker.ToUpperInvariant(), Assert.Single(byName["nodes"]!.AsArray())!["displayName"]!.GetValue<string>());
        Assert.Equal(0, wildcard["totalCount"]!.GetValue<int>());
        var refused = await Server.PostAsync(Customers, new { search = marker }, token);
        Assert.Equal("FORBIDDEN", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private Task<JsonNode> ListAsync(object variables, string admin, Func<JsonNode, bool>? until) => WaitAsync(Orders, variables, admin, "orders", until);

    /// <summary>The list, read again until <paramref name="until"/> holds (when given): read models may lag the grains by a moment.</summary>
    private async Task<JsonNode> WaitAsync(string query, object variables, string admin, string field, Func<JsonNode, bool>? until)
    {
        async Task<JsonNode> ReadAsync() => (await Server.DataAsync(query, variables, admin))[field]!;
        return until is null ? await ReadAsync() : await Eventually.UntilAsync(ReadAsync, until);
    }

    private static List<string> Ids(JsonNode connection) => [.. connection["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>())];
}
