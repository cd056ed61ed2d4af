using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansShop.Web.Tests.Support;

namespace OrleansShop.Web.Tests;

/// <summary>
/// The document the GraphQL IDE (Nitro at /graphql) opens new tabs with: served in the IDE's configuration, and runnable
/// as written against the demo catalog (its variables' defaults), the cart operations taking only the cart id they answer.
/// </summary>
public sealed class GraphQLIdeExampleTests(ShopProcess shop)
{
    private static readonly string ExampleFile = Path.Combine(WebTools.WebDirectory, "..", "api", "OrleansShop.Api", "ide-example.graphql");

    [Fact]
    public async Task The_IDE_opens_new_documents_on_the_shops_example_and_each_of_its_operations_runs_as_written()
    {
        var ct = TestContext.Current.CancellationToken;
        var config = (await shop.Http.GetFromJsonAsync<JsonNode>("graphql/nitro-config.json", ct))!;
        var document = config["graphQLDocument"]?.GetValue<string>();
        Assert.Equal(await File.ReadAllTextAsync(ExampleFile, ct), document);

        var search = await RunAsync(document!, "SearchProducts", new { });
        var products = search["products"]!;
        Assert.True(products["totalCount"]!.GetValue<int>() > 0, search.ToJsonString());
        Assert.NotEmpty(products["nodes"]!.AsArray());
        Assert.Contains(products["facets"]!.AsArray(), f => f!["field"]!.GetValue<string>() == "category" && f["values"]!.AsArray().All(v => v!["label"]!.GetValue<string>() != v["value"]!.GetValue<string>()));

        var added = Payload(await RunAsync(document!, "AddToCart", new { }), "addCartItem");
        var cartId = added["cart"]!["id"]!.GetValue<string>();
        Assert.Equal(1, added["cart"]!["itemCount"]!.GetValue<int>());
        Assert.Equal(2, Payload(await RunAsync(document!, "UpdateCartItem", new { cartId }), "updateCartItem")["cart"]!["itemCount"]!.GetValue<int>());
        Assert.Equal(2, (await RunAsync(document!, "Cart", new { cartId }))["cart"]!["itemCount"]!.GetValue<int>());
        Assert.Equal(0, Payload(await RunAsync(document!, "RemoveCartItem", new { cartId }), "removeCartItem")["cart"]!["itemCount"]!.GetValue<int>());
    }

    private static JsonNode Payload(JsonNode data, string field)
    {
        var payload = data[field]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload;
    }

    private async Task<JsonNode> RunAsync(string document, string operationName, object variables)
    {
        using var response = await shop.Http.PostAsJsonAsync("graphql", new { query = document, operationName, variables }, TestContext.Current.CancellationToken);
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
        Assert.True(body["errors"] is null, $"{operationName}: {body.ToJsonString()}");
        return body["data"]!;
    }
}
