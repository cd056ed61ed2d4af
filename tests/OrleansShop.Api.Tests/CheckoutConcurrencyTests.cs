using System.Text;
using Microsoft.Data.Sqlite;
using OrleansShop.Api.Payments;
using OrleansShop.Api.Schema;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>Where commerce platforms have had real bugs: overselling under a rush, double capture, and losing money in a restart.</summary>
public sealed class CheckoutConcurrencyTests(ShopServerFixture fixture) : IClassFixture<ShopServerFixture>
{
    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task Two_hundred_simultaneous_checkouts_of_fifty_in_stock_place_exactly_fifty_orders_and_never_oversell()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(price: "2.00", stock: 50, adminToken: admin);
        var carts = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Server.AddToCartAsync(productId)));

        var results = await Task.WhenAll(carts.Select(cartId => Server.CheckoutAsync(new
        {
            cartId,
            email = "rush@example.com",
            shippingAddress = Shopping.Address,
            idempotencyKey = Guid.NewGuid().ToString(),
        })));

        var placed = results.Where(r => r["order"] is not null).ToList();
        var refused = results.Where(r => r["order"] is null).ToList();
        Assert.Equal(50, placed.Count);
        Assert.All(refused, r => Assert.Equal(["OUT_OF_STOCK"], r.Codes()));
        Assert.Equal(50, placed.Select(r => r["order"]!["number"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal((0, 50, 50), await Server.StockAsync(productId, admin));
    }

    [Fact]
    public async Task A_payment_notification_racing_retried_and_competing_payOrder_calls_captures_exactly_one_payment()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(price: "40.00", stock: 5, adminToken: admin);
        var orderId = (await Server.GuestCheckoutAsync(await Server.AddToCartAsync(productId)))["id"]!.GetValue<string>();
        var cardToken = await Server.TokenizeAsync();
        var alipay = await Server.PayAsync(orderId, "ALIPAY", null, "alipay-key");
        var redirectUrl = alipay["payment"]!["redirectUrl"]!.GetValue<string>();

        var approve = Server.Http.PostAsync(new Uri(redirectUrl + "/approve"), null, TestContext.Current.CancellationToken);
        var retries = Enumerable.Range(0, 5).Select(_ => Server.PayAsync(orderId, "ALIPAY", null, "alipay-key")).ToList();
        var card = Server.PayAsync(orderId, "CARD", cardToken, "card-key");
        using (var approved = await approve)
        {
            Assert.True(approved.IsSuccessStatusCode);
        }

        await Task.WhenAll([.. retries, card]);
        var order = await Server.WaitForOrderAsync(orderId, o => !o["payments"]!.AsArray().Any(p => p!["status"]!.GetValue<string>() == "PENDING"));

        Assert.Equal("PAID", order.Status());
        var statuses = order["payments"]!.AsArray().Select(p => p!["status"]!.GetValue<string>()).ToList();
        Assert.Single(statuses, s => s == "CAPTURED");
        Assert.All(statuses, s => Assert.Contains(s, new[] { "CAPTURED", "REFUNDED" }));
        Assert.All(retries, r => Assert.Equal(alipay["payment"]!["id"]!.GetValue<string>(), r.Result["payment"]!["id"]!.GetValue<string>()));
        Assert.Equal(1, await CapturedChargesAsync(Server.DataDirectory, orderId));
        Assert.Equal((4, 4, 0), await Server.StockAsync(productId, admin));
    }

    [Fact]
    public async Task After_a_restart_no_paid_order_or_payment_is_lost_and_pending_orders_can_still_be_paid_or_expire()
    {
        var directory = Directory.CreateTempSubdirectory("orleansshop-restart-").FullName;
        try
        {
            string productId, paidId, alipayId, cardPendingId, expiringId, redirectUrl, cardToken;
            await using (var first = await ShopServer.StartAsync(directory, settings: ShopServer.LimitsForManyTests))
            {
                var admin = await first.AdminTokenAsync();
                productId = await first.CreateProductAsync(price: "10.00", stock: 10, adminToken: admin);
                paidId = (await first.GuestCheckoutAsync(await first.AddToCartAsync(productId, 2)))["id"]!.GetValue<string>();
                cardToken = await first.TokenizeAsync();
                Assert.Equal("PAID", (await first.PayAsync(paidId, "CARD", cardToken))["order"]!.Status());
                alipayId = (await first.GuestCheckoutAsync(await first.AddToCartAsync(productId, 1)))["id"]!.GetValue<string>();
                redirectUrl = (await first.PayAsync(alipayId, "ALIPAY", null))["payment"]!["redirectUrl"]!.GetValue<string>();
                cardPendingId = (await first.GuestCheckoutAsync(await first.AddToCartAsync(productId, 1)))["id"]!.GetValue<string>();
            }

            await using (var second = await ShopServer.StartAsync(directory, settings: [.. ShopServer.LimitsForManyTests, "OrleansShop:Checkout:ReservationTimeout=00:00:01"]))
            {
                var admin = await second.AdminTokenAsync();
                var paid = (await second.OrderAsync(paidId))!;
                Assert.Equal("PAID", paid.Status());
                Assert.Equal("CAPTURED", paid["payments"]![0]!["status"]!.GetValue<string>());
                Assert.Equal((6, 8, 2), await second.StockAsync(productId, admin));

                // The sandbox kept the pending Alipay charge and the card token: the new process's address serves the same page.
                var path = new Uri(redirectUrl).PathAndQuery;
                using (var approved = await second.Http.PostAsync(path + "/approve", null, TestContext.Current.CancellationToken))
                {
                    Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                }

                Assert.Equal("PAID", (await second.WaitForOrderAsync(alipayId, o => o.Status() == "PAID")).Status());
                Assert.Equal("PAID", (await second.PayAsync(cardPendingId, "CARD", cardToken))["order"]!.Status());
                expiringId = (await second.GuestCheckoutAsync(await second.AddToCartAsync(productId, 1)))["id"]!.GetValue<string>();
                Assert.Equal((5, 6, 1), await second.StockAsync(productId, admin));
            }

            await using (var third = await ShopServer.StartAsync(directory, settings: ShopServer.LimitsForManyTests))
            {
                var admin = await third.AdminTokenAsync();
                await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
                var late = await third.PayAsync(expiringId, "CARD", cardToken);
                Assert.Equal(["INVALID_STATE"], late.Codes());
                Assert.Equal("CANCELLED", late["order"]!.Status());
                Assert.Equal((6, 6, 0), await third.StockAsync(productId, admin));
                foreach (var id in new[] { paidId, alipayId, cardPendingId })
                {
                    var order = (await third.OrderAsync(id))!;
                    Assert.Equal("PAID", order.Status());
                    Assert.Single(order["payments"]!.AsArray(), p => p!["status"]!.GetValue<string>() == "CAPTURED");
                    Assert.Equal(1, await CapturedChargesAsync(directory, id));
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            ShopServer.TryDelete(directory);
        }
    }

    [Fact]
    public async Task A_notification_the_sandbox_settled_but_never_delivered_before_a_crash_is_delivered_after_the_restart()
    {
        var directory = Directory.CreateTempSubdirectory("orleansshop-redeliver-").FullName;
        try
        {
            string orderId, paymentId;
            await using (var first = await ShopServer.StartAsync(directory, settings: ShopServer.LimitsForManyTests))
            {
                var productId = await first.CreateProductAsync(price: "12.00", stock: 3);
                orderId = (await first.GuestCheckoutAsync(await first.AddToCartAsync(productId)))["id"]!.GetValue<string>();
                // The provider knows the payment by the shop's own key, not by the API's global id.
                paymentId = GlobalId.KeyOf((await first.PayAsync(orderId, "ALIPAY", null))["payment"]!["id"]!.GetValue<string>(), "Payment")!;
            }

            // What a crash between the sandbox's commit and its webhook call leaves behind: a settled charge and a queued notification.
            await using (var ledger = new SqliteConnection($"Data Source={Path.Combine(directory, SandboxLedger.FileName)};Pooling=False"))
            {
                await ledger.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = ledger.CreateCommand();
                command.CommandText =
                    """
                    UPDATE charges SET status = 'captured' WHERE payment_id = $payment;
                    INSERT INTO notifications (charge_id, body, attempts, created_at)
                    SELECT id, json_object('id', 'evt_crash', 'type', 'payment.succeeded', 'chargeId', id, 'orderId', order_id, 'paymentId', payment_id), 0, '2026-01-01'
                    FROM charges WHERE payment_id = $payment;
                    """;
                command.Parameters.AddWithValue("$payment", paymentId);
                Assert.Equal(2, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
            }

            await using var second = await ShopServer.StartAsync(directory, settings: ShopServer.LimitsForManyTests);

            // Nobody calls anything: the sandbox's redelivery loop finds the notification and the order is paid.
            var order = await second.WaitForOrderAsync(orderId, o => o.Status() == "PAID");
            Assert.Equal("PAID", order.Status());
            Assert.Equal("CAPTURED", Assert.Single(order["payments"]!.AsArray())!["status"]!.GetValue<string>());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            ShopServer.TryDelete(directory);
        }
    }

    /// <summary>The sandbox's own books: how many of the order's charges hold captured money.</summary>
    private static async Task<long> CapturedChargesAsync(string dataDirectory, string orderGlobalId)
    {
        var orderKey = Encoding.UTF8.GetString(Convert.FromBase64String(orderGlobalId)).Split(':')[1];
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, SandboxLedger.FileName)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM charges WHERE order_id = $order AND status = 'captured'";
        command.Parameters.AddWithValue("$order", orderKey);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
