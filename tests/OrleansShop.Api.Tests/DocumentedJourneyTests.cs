using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>
/// docs/shopper-journey.graphql is what the README hands a newcomer to paste into the IDE: run exactly as written, step
/// by step with the variables its comments give, it must shop end to end as a guest and signed in.
/// </summary>
public sealed class DocumentedJourneyTests(SharedShopServer fixture)
{
    private static readonly string Document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "shopper-journey.graphql"));

    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task The_documented_operations_shop_as_a_guest_and_signed_in()
    {
        var word = "Journey" + Guid.NewGuid().ToString("N")[..8];
        var productId = await Server.CreateProductAsync(name: $"{word} chair", stock: 5);
        var email = ShopServer.UniqueEmail();

        var registered = await RunAsync("Register", new { email, password = "a-good-long-password", name = "Ada" }, "register");
        var found = (await DataAsync("Search", new { search = word }))["products"]!;
        Assert.Equal(productId, Assert.Single(found["nodes"]!.AsArray())!["id"]!.GetValue<string>());

        var cart = (await RunAsync("AddToCart", new { productId }, "addCartItem"))["cart"]!;
        var guestOrder = (await RunAsync("GuestCheckout", new { cartId = cart["id"]!.GetValue<string>(), email = "guest@example.com", key = word }, "checkout"))["order"]!;
        var orderId = guestOrder["id"]!.GetValue<string>();
        var paid = await RunAsync("Pay", new { orderId, cardToken = await Server.TokenizeAsync(), key = "pay-1" }, "payOrder");
        var status = (await DataAsync("OrderStatus", new { orderId }))["order"]!;

        var token = (await RunAsync("SignIn", new { email, password = "a-good-long-password" }, "login"))["accessToken"]!.GetValue<string>();
        await RunAsync("AddToCart", new { productId }, "addCartItem", token);
        var ownOrder = (await RunAsync("Checkout", new { key = word }, "checkout", token))["order"]!;

        Assert.NotNull(registered["accessToken"]);
        Assert.Equal("PAID", paid["order"]!["status"]!.GetValue<string>());
        Assert.Equal(["PAYMENT_PENDING", "PAID"], status["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        Assert.Equal("PAYMENT_PENDING", ownOrder["status"]!.GetValue<string>());
        Assert.NotEqual(guestOrder["number"]!.GetValue<string>(), ownOrder["number"]!.GetValue<string>());
    }

    /// <summary>Runs a mutation of the document; its payload must have no user errors.</summary>
    private async Task<JsonNode> RunAsync(string operation, object variables, string field, string? accessToken = null)
    {
        var payload = (await DataAsync(operation, variables, accessToken))[field]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, $"{operation}: {payload.ToJsonString()}");
        return payload;
    }

    private async Task<JsonNode> DataAsync(string operation, object variables, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = Document, operationName = operation, variables }),
        };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var response = await Server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
        Assert.True(body["errors"] is null, $"{operation}: {body.ToJsonString()}");
        return body["data"]!;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrleansShop.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("No OrleansShop.sln above " + AppContext.BaseDirectory);
    }
}
