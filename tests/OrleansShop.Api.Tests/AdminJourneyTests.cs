using System.Text.Json.Nodes;
using OrleansShop.Api.Schema;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>The admin's work over real HTTP, from the first sign-in to setting roles, and the refusal of every admin field to others.</summary>
public sealed class AdminJourneyTests(SharedShopServer fixture)
{
    private const string AdjustStock =
        "mutation($input: AdjustStockInput!) { adjustStock(input: $input) { product { stock { available onHand reserved } } errors { code message field } } }";

    private const string Orders =
        "query($where: OrderFilter) { orders(first: 10, where: $where) { totalCount nodes { id status email customer { id } } } }";

    private const string Customers = "query($search: String) { customers(first: 10, search: $search) { totalCount nodes { id email roles } } }";

    private const string Ship = "mutation($input: ShipOrderInput!) { shipOrder(input: $input) { order { status trackingNumber } errors { code message } } }";

    private const string Deliver = "mutation($input: DeliverOrderInput!) { deliverOrder(input: $input) { order { status } errors { code message } } }";

    private const string Refund =
        "mutation($input: RefundOrderInput!) { refundOrder(input: $input) { order { status payments { id status } history { status } } errors { code message } } }";

    private const string AddReview = "mutation($input: AddReviewInput!) { addReview(input: $input) { review { id } errors { code message } } }";

    private const string Reply = "mutation($input: ReplyToReviewInput!) { replyToReview(input: $input) { review { reply { body } } errors { code message } } }";

    private const string Archive = "mutation($input: ArchiveProductInput!) { archiveProduct(input: $input) { product { archived } errors { code message } } }";

    private const string SetRoles = "mutation($input: SetRolesInput!) { setRoles(input: $input) { customer { roles } errors { code message } } }";

    private const string Search = "query($q: String) { products(search: $q) { totalCount nodes { id archived } } }";

    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task The_first_admin_stocks_a_product_sees_it_sold_ships_delivers_refunds_replies_archives_and_sets_roles()
    {
        // The first admin comes from configuration.
        var admin = await Server.AdminTokenAsync();
        var me = (await Server.DataAsync("{ me { email roles } }", accessToken: admin))["me"]!;
        Assert.Equal(ShopServer.AdminEmail, me["email"]!.GetValue<string>());
        Assert.Contains("ADMIN", me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        // A category and a product in it, with initial stock, then a delivery.
        var word = "admin" + Guid.NewGuid().ToString("N")[..10];
        var category = await Server.CreateCategoryAsync(admin, "Kettles " + word);
        var productId = await Server.CreateProductAsync(admin, "40.00", 5, "Gooseneck kettle", "Brewline", $"A kettle ({word}).", [category]);
        var delivered = (await Server.DataAsync(AdjustStock, Adjust(productId, 3), admin))["adjustStock"]!;
        Assert.Empty(delivered["errors"]!.AsArray());
        Assert.Equal((8, 8, 0), await Server.StockAsync(productId, admin));

        // A shopper checks out two: stock cannot be written off below what that order holds.
        var email = ShopServer.UniqueEmail();
        var shopper = (await Server.RegisterAsync(email))["accessToken"]!.GetValue<string>();
        var orderId = (await Server.BuyAsync(shopper, productId, quantity: 2, pay: false))["id"]!.GetValue<string>();
        var belowReserved = (await Server.DataAsync(AdjustStock, Adjust(productId, -7), admin))["adjustStock"]!;
        Assert.Equal(["INVALID_INPUT"], belowReserved.Codes());
        Assert.Equal((6, 8, 2), await Server.StockAsync(productId, admin));
        var toReserved = (await Server.DataAsync(AdjustStock, Adjust(productId, -6), admin))["adjustStock"]!;
        Assert.Empty(toReserved["errors"]!.AsArray());
        Assert.Equal((0, 2, 2), await Server.StockAsync(productId, admin));

        // The shopper pays; the admin finds the order among the paid ones and the customer by email.
        Assert.Equal("PAID", (await Server.PayAsync(orderId, "CARD", await Server.TokenizeAsync(), accessToken: shopper))["order"]!.Status());

        // The ledger behind the level: 5 + 3 received, 6 written off, the 2 paid for sold and no longer on hand.
        var ledger = (await Server.DataAsync("query($id: ID) { product(id: $id) { stock { onHand reserved sold received writtenOff } } }", new { id = productId }, admin))["product"]!["stock"]!;
        Assert.Equal((0, 0, 2, 8, 6), (ledger["onHand"]!.GetValue<int>(), ledger["reserved"]!.GetValue<int>(), ledger["sold"]!.GetValue<int>(), ledger["received"]!.GetValue<int>(), ledger["writtenOff"]!.GetValue<int>()));
        var paidOrders = await Eventually.UntilAsync(
            async () => (await Server.DataAsync(Orders, new { where = new { status = new[] { "PAID" }, customerEmail = email } }, admin))["orders"]!,
            o => o["totalCount"]!.GetValue<int>() == 1);
        var listed = paidOrders["nodes"]![0]!;
        Assert.Equal((orderId, "PAID", email), (listed["id"]!.GetValue<string>(), listed.Status(), listed["email"]!.GetValue<string>()));
        var customers = await Eventually.UntilAsync(
            async () => (await Server.DataAsync(Customers, new { search = email }, admin))["customers"]!,
            c => c["totalCount"]!.GetValue<int>() == 1);
        var customer = customers["nodes"]![0]!;
        var customerId = customer["id"]!.GetValue<string>();
        Assert.Equal(email, customer["email"]!.GetValue<string>());
        Assert.Equal(customerId, listed["customer"]!["id"]!.GetValue<string>());

        // Fulfilment: ship with a tracking number the shopper sees, deliver; the shopper reviews; the admin refunds.
        var shipped = (await Server.DataAsync(Ship, new { input = new { orderId, trackingNumber = "1Z999AA10123456784" } }, admin))["shipOrder"]!;
        Assert.Equal(("SHIPPED", "1Z999AA10123456784"), (shipped["order"]!.Status(), shipped["order"]!["trackingNumber"]!.GetValue<string>()));
        Assert.Equal("1Z999AA10123456784", (await Server.OrderAsync(orderId, shopper))!["trackingNumber"]!.GetValue<string>());
        Assert.Equal("DELIVERED", (await Server.DataAsync(Deliver, new { input = new { orderId } }, admin))["deliverOrder"]!["order"]!.Status());
        var review = (await Server.DataAsync(AddReview, new { input = new { productId, rating = 2, title = "Arrived dented", body = "Works, but the lid is bent." } }, shopper))["addReview"]!;
        Assert.Empty(review["errors"]!.AsArray());
        var refunded = (await Server.DataAsync(Refund, new { input = new { orderId, reason = "Dented in transit" } }, admin))["refundOrder"]!["order"]!;
        Assert.Equal("REFUNDED", refunded.Status());
        Assert.Equal(["REFUNDED"], refunded["payments"]!.AsArray().Select(p => p!["status"]!.GetValue<string>()));
        Assert.True(GlobalId.TryDecode(refunded["payments"]![0]!["id"]!.GetValue<string>(), out var idType, out _) && idType == "Payment", "A payment's id is a global id.");
        Assert.Equal(["PAYMENT_PENDING", "PAID", "SHIPPED", "DELIVERED", "REFUNDED"], refunded["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));

        // The admin answers the review where shoppers read it.
        var reply = (await Server.DataAsync(Reply, new { input = new { reviewId = review["review"]!["id"]!.GetValue<string>(), body = "Sorry; your refund is on its way." } }, admin))["replyToReview"]!;
        Assert.Empty(reply["errors"]!.AsArray());
        var shown = (await Server.DataAsync("query($id: ID) { product(id: $id) { reviews(first: 5) { nodes { reply { body } } } } }", new { id = productId }))["product"]!;
        Assert.Equal("Sorry; your refund is on its way.", shown["reviews"]!["nodes"]![0]!["reply"]!["body"]!.GetValue<string>());

        // Archived: gone from shoppers' search and product page, still there for the admin.
        Assert.True((await Server.DataAsync(Archive, new { input = new { productId } }, admin))["archiveProduct"]!["product"]!["archived"]!.GetValue<bool>());
        var shoppersSearch = await Eventually.UntilAsync(
            async () => (await Server.DataAsync(Search, new { q = word }, shopper))["products"]!, p => p["totalCount"]!.GetValue<int>() == 0);
        var adminsSearch = (await Server.DataAsync(Search, new { q = word }, admin))["products"]!;
        Assert.Empty(shoppersSearch["nodes"]!.AsArray());
        Assert.Equal((productId, true), (adminsSearch["nodes"]![0]!["id"]!.GetValue<string>(), adminsSearch["nodes"]![0]!["archived"]!.GetValue<bool>()));
        Assert.Null((await Server.DataAsync("query($id: ID) { product(id: $id) { id } }", new { id = productId }, shopper))["product"]);

        // Roles: the shopper made an admin can list orders after signing in again; demoted, a new sign-in cannot.
        var promoted = (await Server.DataAsync(SetRoles, new { input = new { customerId, roles = new[] { "CUSTOMER", "ADMIN" } } }, admin))["setRoles"]!;
        Assert.Equal(["ADMIN", "CUSTOMER"], promoted["customer"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
        var asAdmin = (await Server.LoginAsync(email))["accessToken"]!.GetValue<string>();
        Assert.Null((await Server.PostAsync(Orders, new { where = new { customerEmail = email } }, asAdmin))["errors"]);
        var demoted = (await Server.DataAsync(SetRoles, new { input = new { customerId, roles = new[] { "CUSTOMER" } } }, admin))["setRoles"]!;
        Assert.Empty(demoted["errors"]!.AsArray());
        var asCustomer = (await Server.LoginAsync(email))["accessToken"]!.GetValue<string>();
        Assert.Equal("FORBIDDEN", (await Server.PostAsync(Orders, new { where = new { customerEmail = email } }, asCustomer))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_admin_field_refuses_a_customer_with_FORBIDDEN_and_an_anonymous_caller_too_and_nothing_changes()
    {
        // The customer's own paid order and review, so that each refusal is about the role, not an unknown or foreign id.
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(admin, stock: 5);
        var customer = await Server.RegisterAsync(ShopServer.UniqueEmail());
        var token = customer["accessToken"]!.GetValue<string>();
        var customerId = customer["customer"]!["id"]!.GetValue<string>();
        var orderId = (await Server.BuyAsync(token, productId))["id"]!.GetValue<string>();
        var reviewId = (await Server.DataAsync(AddReview, new { input = new { productId, rating = 5, title = "Good", body = "Very good." } }, token))["addReview"]!["review"]!["id"]!.GetValue<string>();

        (string Field, string Query, object Variables)[] matrix =
        [
            ("orders", "{ orders(first: 1) { totalCount } }", new { }),
            ("customers", "{ customers(first: 1) { totalCount } }", new { }),
            ("stock.onHand", "query($id: ID) { product(id: $id) { stock { onHand reserved } } }", new { id = productId }),
            ("stock.sold", "query($id: ID) { product(id: $id) { stock { sold } } }", new { id = productId }),
            ("stock.received", "query($id: ID) { product(id: $id) { stock { received } } }", new { id = productId }),
            ("stock.writtenOff", "query($id: ID) { product(id: $id) { stock { writtenOff } } }", new { id = productId }),
            ("createProduct", "mutation($input: CreateProductInput!) { createProduct(input: $input) { errors { code } } }", Input(new { sku = "SKU-NOPE-" + Guid.NewGuid().ToString("N")[..6], name = "Nope", description = "Nope.", price = "1.00" })),
            ("updateProduct", "mutation($input: UpdateProductInput!) { updateProduct(input: $input) { errors { code } } }", Input(new { productId, price = "0.01" })),
            ("archiveProduct", "mutation($input: ArchiveProductInput!) { archiveProduct(input: $input) { errors { code } } }", Input(new { productId })),
            ("adjustStock", "mutation($input: AdjustStockInput!) { adjustStock(input: $input) { errors { code } } }", Adjust(productId, 100)),
            ("createCategory", "mutation($input: CreateCategoryInput!) { createCategory(input: $input) { errors { code } } }", Input(new { name = "Nope" })),
            ("shipOrder", "mutation($input: ShipOrderInput!) { shipOrder(input: $input) { errors { code } } }", Input(new { orderId, trackingNumber = "T-1" })),
            ("deliverOrder", "mutation($input: DeliverOrderInput!) { deliverOrder(input: $input) { errors { code } } }", Input(new { orderId })),
            ("refundOrder", "mutation($input: RefundOrderInput!) { refundOrder(input: $input) { errors { code } } }", Input(new { orderId, reason = "I want my money" })),
            ("replyToReview", "mutation($input: ReplyToReviewInput!) { replyToReview(input: $input) { errors { code } } }", Input(new { reviewId, body = "Says the shop." })),
            ("setRoles", "mutation($input: SetRolesInput!) { setRoles(input: $input) { errors { code } } }", Input(new { customerId, roles = new[] { "ADMIN" } })),
        ];

        var wrong = new List<string>();
        foreach (var (field, query, variables) in matrix)
        {
            foreach (var (caller, accessToken, expected) in new[] { ("customer", token, new[] { "FORBIDDEN" }), ("anonymous", null, new[] { "UNAUTHENTICATED", "FORBIDDEN" }) })
            {
                var code = RefusalCode(await Server.PostAsync(query, variables, accessToken));
                if (code is null || !expected.Contains(code))
                {
                    wrong.Add($"{field} as {caller}: {code ?? "allowed"}");
                }
            }
        }

        Assert.Empty(wrong);
        var product = (await Server.DataAsync("query($id: ID) { product(id: $id) { archived price { amount } } }", new { id = productId }, admin))["product"]!;
        Assert.Equal((false, "10.00"), (product["archived"]!.GetValue<bool>(), product["price"]!["amount"]!.GetValue<string>()));
        Assert.Equal((4, 4, 0), await Server.StockAsync(productId, admin));
        Assert.Equal("PAID", (await Server.OrderAsync(orderId, admin))!.Status());
        Assert.Equal(["CUSTOMER"], (await Server.DataAsync("{ me { roles } }", accessToken: (await Server.LoginAsync(customer["customer"]!["email"]!.GetValue<string>()))["accessToken"]!.GetValue<string>()))["me"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    /// <summary>The refusal's code: a GraphQL error's for a query field, the payload's user error for a mutation.</summary>
    private static string? RefusalCode(JsonNode response)
    {
        if (response["errors"] is JsonArray { Count: > 0 } errors)
        {
            return errors[0]!["extensions"]?["code"]?.GetValue<string>();
        }

        var payload = response["data"]!.AsObject().Single().Value!;
        return payload["errors"] is JsonArray { Count: > 0 } userErrors ? userErrors[0]!["code"]!.GetValue<string>() : null;
    }

    private static object Input(object input) => new { input };

    private static object Adjust(string productId, int delta) => new { input = new { productId, delta, reason = delta > 0 ? "delivery" : "write-off" } };
}
