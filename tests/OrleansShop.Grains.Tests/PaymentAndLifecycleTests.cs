using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

public sealed class PaymentAndLifecycleTests
{
    private static PaymentRequest Card(string key, string token = "tok_visa") => new(PaymentMethod.Card, token, key);

    private static async Task<(IOrderGrain Order, string ProductId)> PlaceAsync(ShopSilo silo, int quantity = 2, string? customerId = null)
    {
        var shoe = await silo.CreateProductAsync(10m, stock: 10);
        var cartId = "cart-" + Guid.NewGuid().ToString("N");
        await silo.Cart(cartId).AddItemAsync(shoe, quantity);
        var placed = await silo.CheckoutAsync(cartId, customerId: customerId);
        Assert.True(placed.Succeeded, placed.Error?.Message);
        return (silo.Order(placed.Value!.Id), shoe);
    }

    [Fact]
    public async Task Paying_marks_the_order_paid_and_confirms_its_stock()
    {
        await using var silo = await ShopSilo.StartAsync();
        var (order, shoe) = await PlaceAsync(silo, quantity: 2);

        var paid = await order.PayAsync(Card("pay-1"));

        Assert.True(paid.Succeeded);
        Assert.Equal(OrderStatus.Paid, paid.Value!.Order.Status);
        Assert.Null(paid.Value.Order.ReservationExpiresAt);
        Assert.Equal((PaymentStatus.Captured, "VISA", "4242"), (paid.Value.Payment.Status, paid.Value.Payment.CardBrand, paid.Value.Payment.CardLast4));
        Assert.Equal(new Money(25m, "USD"), paid.Value.Payment.Amount);
        var level = await silo.Stock(shoe).GetLevelAsync();
        Assert.Equal(new StockLevel(OnHand: 8, Reserved: 0, Sold: 2, Received: 10, WrittenOff: 0), level.Figures());
        var charge = Assert.Single(silo.Gateway.Charges);
        Assert.Equal(("tok_visa", "pay-1"), (charge.CardToken, charge.IdempotencyKey));
    }

    [Fact]
    public async Task The_same_payment_idempotency_key_returns_the_first_result_and_charges_once()
    {
        await using var silo = await ShopSilo.StartAsync();
        var (order, _) = await PlaceAsync(silo);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => order.PayAsync(Card("pay-1"))));

        Assert.Single(silo.Gateway.Charges);
        Assert.Single(results.Select(r => r.Value!.Payment.Id).Distinct());
        Assert.Single((await order.GetAsync())!.Payments);
    }

    [Fact]
    public async Task A_declined_payment_leaves_the_order_payable_and_a_retry_can_pay_it()
    {
        await using var silo = await ShopSilo.StartAsync();
        var (order, shoe) = await PlaceAsync(silo);

        var declined = await order.PayAsync(Card("pay-1", FakePaymentGateway.DeclinedCard));
        var sameKey = await order.PayAsync(Card("pay-1"));
        var retried = await order.PayAsync(Card("pay-2"));

        Assert.Equal(ErrorCode.PaymentDeclined, declined.Error!.Code);
        Assert.Equal(OrderStatus.PaymentPending, declined.Value!.Order.Status);
        Assert.Equal(PaymentStatus.Declined, declined.Value.Payment.Status);
        Assert.Equal(declined.Errors, sameKey.Errors);
        Assert.True(retried.Succeeded);
        Assert.Equal([PaymentStatus.Declined, PaymentStatus.Captured], retried.Value!.Order.Payments.Select(p => p.Status));
        Assert.Equal(2, (await silo.Stock(shoe).GetLevelAsync()).Sold);
    }

    [Fact]
    public async Task An_unreachable_provider_is_a_failed_payment_and_the_order_stays_payable()
    {
        await using var silo = await ShopSilo.StartAsync();
        var (order, _) = await PlaceAsync(silo);

        var failed = await order.PayAsync(Card("pay-1", FakePaymentGateway.UnreachableCard));

        Assert.Equal(ErrorCode.PaymentFailed, failed.Error!.Code);
        Assert.Equal(OrderStatus.PaymentPending, (await order.GetAsync())!.Status);
        Assert.True((await order.PayAsync(Card("pay-2"))).Succeeded);
    }

    [Fact]
    public async Task A_card_payment_without_a_token_is_invalid_input_and_records_nothing()
    {
        await using var silo = await ShopSilo.StartAsync();
        var (order, _) = await PlaceAsync(silo);

        var result = await order.PayAsync(new PaymentRequest(PaymentMethod.Card, null, "pay-1"));

        Assert.Equal(["input", "cardToken"], result.Error!.Field);
        Assert.Empty((await order.GetAsync())!.Payments);
        Assert.Empty(silo.Gateway.Charges);
    }

    [Fact]
    public async Task An_alipay_payment_redirects_and_completes_once_on_the_providers_notification()
    {
        await using var silo = await ShopSilo.StartAsync();
        var (order, shoe) = await PlaceAsync(silo);

        var pending = await order.PayAsync(new PaymentRequest(PaymentMethod.Alipay, null, "pay-1"));
        var paymentId = pending.Value!.Payment.Id;
        var completed = await order.CompletePaymentAsync(new PaymentNotification(paymentId, Succeeded: true));
        var again = await order.CompletePaymentAsync(new PaymentNotification(paymentId, Succeeded: true));

        Assert.Equal(PaymentStatus.Pending, pending.Value.Payment.Status);
        Assert.StartsWith("https://alipay.example/pay/", pending.Value.Payment.RedirectUrl, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Paid, completed.Value!.Order.Status);
        Assert.Equal(PaymentStatus.Captured, again.Value!.Payment.Status);
        Assert.Single(again.Value.Order.History, h => h.Status == OrderStatus.Paid);
        Assert.Equal(2, (await silo.Stock(shoe).GetLevelAsync()).Sold);
    }

    [Fact]
    public async Task Money_arriving_for_an_order_already_cancelled_is_refunded()
    {
        await using var silo = await ShopSilo.StartAsync();
        var (order, shoe) = await PlaceAsync(silo);
        var pending = await order.PayAsync(new PaymentRequest(PaymentMethod.Alipay, null, "pay-1"));
        await order.CancelAsync("Changed my mind.");

        var late = await order.CompletePaymentAsync(new PaymentNotification(pending.Value!.Payment.Id, Succeeded: true));

        Assert.Equal(ErrorCode.InvalidState, late.Error!.Code);
        Assert.Equal(PaymentStatus.Refunded, late.Value!.Payment.Status);
        Assert.Equal(OrderStatus.Cancelled, late.Value.Order.Status);
        Assert.Single(silo.Gateway.Refunds);
        Assert.Equal(0, (await silo.Stock(shoe).GetLevelAsync()).Sold);
    }

    [Fact]
    public async Task A_paid_order_ships_with_a_tracking_number_is_delivered_and_refunded()
    {
        await using var silo = await ShopSilo.StartAsync();
        var (order, shoe) = await PlaceAsync(silo);
        await order.PayAsync(Card("pay-1"));

        var noTracking = await order.ShipAsync(" ");
        var shipped = await order.ShipAsync("1Z999AA10123456784");
        var delivered = await order.DeliverAsync();
        var refunded = await order.RefundAsync("Arrived damaged.");

        Assert.Equal(ErrorCode.InvalidInput, noTracking.Error!.Code);
        Assert.Equal("1Z999AA10123456784", shipped.Value!.TrackingNumber);
        Assert.Equal(OrderStatus.Delivered, delivered.Value!.Status);
        Assert.Equal(
            [OrderStatus.PaymentPending, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Refunded],
            refunded.Value!.History.Select(h => h.Status));
        Assert.Equal("Arrived damaged.", refunded.Value.History[^1].Note);
        Assert.Equal(PaymentStatus.Refunded, refunded.Value.Payments[0].Status);
        Assert.Single(silo.Gateway.Refunds);

        // Shipped goods are gone: a refund does not put them back on hand.
        Assert.Equal(2, (await silo.Stock(shoe).GetLevelAsync()).Sold);
    }

    [Fact]
    public async Task Illegal_transitions_are_invalid_state_and_change_nothing()
    {
        await using var silo = await ShopSilo.StartAsync();
        var (order, _) = await PlaceAsync(silo);

        Assert.Equal(ErrorCode.InvalidState, (await order.ShipAsync("T1")).Error!.Code);
        Assert.Equal(ErrorCode.InvalidState, (await order.DeliverAsync()).Error!.Code);
        Assert.Equal(ErrorCode.InvalidState, (await order.RefundAsync("why")).Error!.Code);
        await order.PayAsync(Card("pay-1"));
        Assert.Equal(ErrorCode.InvalidState, (await order.PayAsync(Card("pay-2"))).Error!.Code);
        Assert.Equal(ErrorCode.InvalidState, (await order.DeliverAsync()).Error!.Code);
        await order.ShipAsync("T1");
        Assert.Equal(ErrorCode.InvalidState, (await order.CancelAsync("too late")).Error!.Code);
        Assert.Equal(ErrorCode.InvalidState, (await order.ShipAsync("T2")).Error!.Code);

        var state = (await order.GetAsync())!;
        Assert.Equal(OrderStatus.Shipped, state.Status);
        Assert.Equal("T1", state.TrackingNumber);
        Assert.Equal([OrderStatus.PaymentPending, OrderStatus.Paid, OrderStatus.Shipped], state.History.Select(h => h.Status));
        Assert.Equal(ErrorCode.NotFound, (await silo.Order("never-placed").CancelAsync(null)).Error!.Code);
    }

    [Fact]
    public async Task Cancelling_an_unpaid_order_releases_its_stock()
    {
        await using var silo = await ShopSilo.StartAsync();
        var (order, shoe) = await PlaceAsync(silo, quantity: 4);

        var cancelled = await order.CancelAsync("Changed my mind.");

        Assert.Equal(OrderStatus.Cancelled, cancelled.Value!.Status);
        Assert.Equal(new StockLevel(OnHand: 10, Reserved: 0, Sold: 0, Received: 10, WrittenOff: 0), (await silo.Stock(shoe).GetLevelAsync()).Figures());
        Assert.Equal(ErrorCode.InvalidState, (await order.PayAsync(Card("pay-1"))).Error!.Code);
    }

    [Fact]
    public async Task Cancelling_a_paid_order_refunds_it_and_returns_its_stock()
    {
        await using var silo = await ShopSilo.StartAsync();
        var (order, shoe) = await PlaceAsync(silo, quantity: 4);
        await order.PayAsync(Card("pay-1"));

        var cancelled = await order.CancelAsync(null);

        Assert.Equal(OrderStatus.Cancelled, cancelled.Value!.Status);
        Assert.Equal(PaymentStatus.Refunded, cancelled.Value.Payments[0].Status);
        var level = await silo.Stock(shoe).GetLevelAsync();
        Assert.Equal(new StockLevel(OnHand: 10, Reserved: 0, Sold: 0, Received: 10, WrittenOff: 0), level.Figures());
        Invariants.AssertLedger(level);
    }

    [Fact]
    public async Task A_refused_refund_leaves_the_paid_order_as_it_was()
    {
        await using var silo = await ShopSilo.StartAsync(gateway: new FakePaymentGateway { RefuseRefunds = true });
        var (order, shoe) = await PlaceAsync(silo);
        await order.PayAsync(Card("pay-1"));

        var cancelled = await order.CancelAsync(null);

        Assert.Equal(ErrorCode.PaymentFailed, cancelled.Error!.Code);
        Assert.Equal(OrderStatus.Paid, (await order.GetAsync())!.Status);
        Assert.Equal(2, (await silo.Stock(shoe).GetLevelAsync()).Sold);
    }

    [Fact]
    public async Task The_customers_order_list_follows_the_order()
    {
        await using var silo = await ShopSilo.StartAsync();
        var (order, shoe) = await PlaceAsync(silo, customerId: "c1");
        var list = silo.Grains.GetGrain<ICustomerOrdersGrain>("c1");
        Assert.Equal(OrderStatus.PaymentPending, Assert.Single(await list.GetAsync()).Status);
        Assert.False(await list.HasPurchasedAsync(shoe));

        await order.PayAsync(Card("pay-1"));

        var summary = Assert.Single(await list.GetAsync());
        Assert.Equal((order.GetPrimaryKeyString(), OrderStatus.Paid), (summary.OrderId, summary.Status));
        Assert.True(await list.HasPurchasedAsync(shoe));
    }
}
