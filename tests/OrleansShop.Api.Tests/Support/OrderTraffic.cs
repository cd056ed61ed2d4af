using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// Guest shoppers checking out one product over and over on their own connections until stopped, paying every third
/// order by card; each order is recorded with when its checkout and payment were sent and acknowledged
/// (<see cref="Stopwatch.GetTimestamp"/>), so a test can say which orders a backup taken meanwhile must hold.
/// </summary>
public sealed class OrderTraffic
{
    private readonly ConcurrentDictionary<string, PlacedOrder> orders = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task[] shoppers;

    private OrderTraffic(ShopServer server, string productId, int count)
    {
        shoppers = [.. Enumerable.Range(0, count).Select(shopper => Task.Run(() => ShopAsync(server, productId, shopper)))];
    }

    /// <summary>An order: when its checkout was sent and acknowledged, what it answered, and the same for its payment if paid.</summary>
    public sealed record PlacedOrder(string Id, long CheckoutSent, long CheckoutAcknowledged, JsonNode Placed, long? PaymentSent = null, long? PaymentAcknowledged = null);

    public static OrderTraffic Start(ShopServer server, string productId, int shoppers) => new(server, productId, shoppers);

    public IReadOnlyCollection<PlacedOrder> Orders => [.. orders.Values];

    /// <summary>Waits until <paramref name="count"/> orders were sent after <paramref name="since"/> and acknowledged.</summary>
    public async Task WaitForOrdersAsync(int count, long since = 0)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        while (orders.Values.Count(o => o.CheckoutSent > since) < count)
        {
            Assert.True(Stopwatch.GetTimestamp() < deadline, $"Fewer than {count} orders were placed within a minute.");
            ThrowIfFailed();
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Stops the shoppers (each finishes the order it is placing) and fails the test if any of them failed.</summary>
    public async Task<IReadOnlyCollection<PlacedOrder>> StopAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(shoppers);
        stopping.Dispose();
        return Orders;
    }

    private void ThrowIfFailed()
    {
        if (shoppers.FirstOrDefault(s => s.IsFaulted) is { } failed)
        {
            failed.GetAwaiter().GetResult();
        }
    }

    private async Task ShopAsync(ShopServer server, string productId, int shopper)
    {
        for (var n = 0; !stopping.IsCancellationRequested; n++)
        {
            var cartId = await server.AddToCartAsync(productId, quantity: 1 + (n % 3));
            var sent = Stopwatch.GetTimestamp();
            var placed = await server.GuestCheckoutAsync(cartId);
            var order = new PlacedOrder(placed["id"]!.GetValue<string>(), sent, Stopwatch.GetTimestamp(), placed);
            orders[order.Id] = order;
            if ((n + shopper) % 3 == 0)
            {
                var token = await server.TokenizeAsync();
                var paymentSent = Stopwatch.GetTimestamp();
                var paid = await server.PayAsync(order.Id, "CARD", token);
                Assert.True(paid["errors"]!.AsArray().Count == 0, paid.ToJsonString());
                Assert.Equal("PAID", paid["order"]!.Status());
                orders[order.Id] = order with { PaymentSent = paymentSent, PaymentAcknowledged = Stopwatch.GetTimestamp() };
            }
        }
    }
}
