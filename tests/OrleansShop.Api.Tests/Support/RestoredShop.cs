using System.Text.Json.Nodes;

namespace OrleansShop.Api.Tests.Support;

/// <summary>What a shop restored from a backup must serve, checked over GraphQL against the orders placed before and after the backup.</summary>
public static class RestoredShop
{
    /// <summary>The catalog search, which reads the read-model database.</summary>
    public const string Search = "query($q: String) { products(search: $q) { nodes { id } } }";

    /// <summary>The ids of the products the catalog search finds for <paramref name="word"/>.</summary>
    public static async Task<List<string>> SearchAsync(this ShopServer shop, string word) =>
        [.. (await shop.DataAsync(Search, new { q = word }))["products"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>())];

    /// <summary>
    /// Every order whose checkout was acknowledged before the backup began is served with its number, lines and a status
    /// no earlier than the last one acknowledged before then; every order whose checkout was sent after the backup ended
    /// is absent (so what is served came from the backup, not from somewhere newer). Returns the served orders' numbers.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AssertHoldsWhatWasAcknowledgedAsync(
        this ShopServer restored, IReadOnlyCollection<OrderTraffic.PlacedOrder> orders, long backupBegan, long backupEnded)
    {
        var before = orders.Where(o => o.CheckoutAcknowledged < backupBegan).ToList();
        var after = orders.Where(o => o.CheckoutSent > backupEnded).ToList();
        Assert.True(before.Count >= 20, $"only {before.Count} orders were acknowledged before the backup began");
        Assert.NotEmpty(after);

        var numbers = new List<string>();
        foreach (var placed in before)
        {
            var order = await restored.OrderAsync(placed.Id);
            Assert.True(order is not null, $"order {placed.Id}, acknowledged before the backup began, is missing after the restore");
            Assert.Equal(placed.Placed["number"]!.GetValue<string>(), order["number"]!.GetValue<string>());
            Assert.True(
                JsonNode.DeepEquals(placed.Placed["lines"], order["lines"]),
                $"order {placed.Id}'s lines differ: {placed.Placed["lines"]!.ToJsonString()} then, {order["lines"]!.ToJsonString()} restored");
            Assert.True(JsonNode.DeepEquals(placed.Placed["total"], order["total"]), order.ToJsonString());
            if (placed.PaymentAcknowledged < backupBegan)
            {
                Assert.Equal("PAID", order.Status());
            }
            else
            {
                Assert.Contains(order.Status(), new[] { "PAYMENT_PENDING", "PAID" });
            }

            numbers.Add(order["number"]!.GetValue<string>());
        }

        foreach (var placed in after)
        {
            Assert.True(await restored.OrderAsync(placed.Id) is null, $"order {placed.Id} was placed after the backup ended, yet the restored shop has it");
        }

        return numbers;
    }

    /// <summary>The restored shop takes and is paid for a new order, whose number is not one it already had.</summary>
    public static async Task AssertTakesNewOrdersAsync(this ShopServer restored, string productId, IReadOnlyList<string> restoredNumbers)
    {
        var placed = await restored.GuestCheckoutAsync(await restored.AddToCartAsync(productId, 2));
        var paid = await restored.PayAsync(placed["id"]!.GetValue<string>(), "CARD", await restored.TokenizeAsync());
        Assert.True(paid["errors"]!.AsArray().Count == 0, paid.ToJsonString());
        Assert.Equal("PAID", paid["order"]!.Status());
        Assert.DoesNotContain(placed["number"]!.GetValue<string>(), restoredNumbers);
    }
}
