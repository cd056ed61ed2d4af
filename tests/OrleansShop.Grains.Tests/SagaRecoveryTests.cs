using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

/// <summary>A silo dies in the middle of a checkout; the next one finishes the saga from what was stored.</summary>
public sealed class SagaRecoveryTests
{
    private static bool IsPlacedOrder(object? state) => state is OrderState { Stage: OrderStage.Open };

    [Fact]
    public async Task A_checkout_interrupted_after_reserving_resumes_on_activation_and_reserves_nothing_twice()
    {
        var storage = new CrashingStorage();
        var reminders = new SharedReminderTable();
        string shoe;
        string orderId = OrderIds.ForCheckout("cart-1", "key-1");
        await using (var first = await ShopSilo.StartAsync(storage: storage.For, reminders: reminders))
        {
            shoe = await first.CreateProductAsync(10m, stock: 5);
            await first.Cart("cart-1").AddItemAsync(shoe, 2);
            storage.CrashOn(IsPlacedOrder);

            await Assert.ThrowsAnyAsync<Exception>(() => first.CheckoutAsync("cart-1"));
            Assert.Equal(2, (await first.Stock(shoe).GetLevelAsync()).Reserved);
        }

        storage.Recover();
        await using var second = await ShopSilo.StartAsync(storage: storage.For, reminders: reminders);

        // Merely reading the order activates it, and activation finishes the saga.
        var order = await second.Order(orderId).GetAsync();

        Assert.NotNull(order);
        Assert.Equal(OrderStatus.PaymentPending, order.Status);
        Assert.Equal(2, (await second.Stock(shoe).GetLevelAsync()).Reserved);
        var retry = await second.CheckoutAsync("cart-1");
        Assert.Equal(order.Number, retry.Value!.Number);
        Assert.Equal(2, (await second.Stock(shoe).GetLevelAsync()).Reserved);
    }

    [Fact]
    public async Task A_payment_interrupted_before_confirming_stock_is_confirmed_when_the_order_wakes()
    {
        var storage = new CrashingStorage();
        var reminders = new SharedReminderTable();
        var gateway = new FakePaymentGateway();
        string shoe;
        string orderId;
        await using (var first = await ShopSilo.StartAsync(storage: storage.For, reminders: reminders, gateway: gateway))
        {
            shoe = await first.CreateProductAsync(10m, stock: 5);
            await first.Cart("cart-1").AddItemAsync(shoe, 2);
            orderId = (await first.CheckoutAsync("cart-1")).Value!.Id;

            // The order saves "paid, confirm stock next"; the silo dies before the step that clears it is stored.
            storage.CrashOn(state => state is OrderState { Status: OrderStatus.Paid, PendingStock: StockStep.None });
            await Assert.ThrowsAnyAsync<Exception>(() => first.Order(orderId).PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_visa", "pay-1")));
        }

        storage.Recover();
        await using var second = await ShopSilo.StartAsync(storage: storage.For, reminders: reminders, gateway: gateway);

        var order = await second.Order(orderId).GetAsync();
        var retry = await second.Order(orderId).PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_visa", "pay-1"));

        Assert.Equal(OrderStatus.Paid, order!.Status);
        Assert.Equal(PaymentStatus.Captured, retry.Value!.Payment.Status);
        Assert.Single(gateway.Charges);
        var level = await second.Stock(shoe).GetLevelAsync();
        Assert.Equal(new StockLevel(OnHand: 3, Reserved: 0, Sold: 2, Received: 5, WrittenOff: 0), level.Figures());
    }

    [Fact]
    public async Task A_paid_order_whose_stock_cannot_confirm_yet_answers_paid_and_confirms_within_seconds()
    {
        var storage = new CrashingStorage();
        var gateway = new FakePaymentGateway();
        await using var silo = await ShopSilo.StartAsync(storage: storage.For, reminders: new SharedReminderTable(), gateway: gateway);
        var shoe = await silo.CreateProductAsync(10m, stock: 5);
        await silo.Cart("cart-1").AddItemAsync(shoe, 2);
        var orderId = (await silo.CheckoutAsync("cart-1")).Value!.Id;

        // The stock grain cannot save the confirmation (think: its silo just died): the payment still stands.
        storage.CrashOn(state => state is ProductStockState);
        var paid = await silo.Order(orderId).PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_visa", "pay-1"));
        Assert.Equal(OrderStatus.Paid, paid.Value!.Order.Status);
        Assert.Equal(2, (await silo.Stock(shoe).GetLevelAsync()).Reserved);

        // Once the stock grain can write again, the order's retry confirms the sale well before its reminder's minute.
        storage.Recover();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var level = await silo.Stock(shoe).GetLevelAsync();
        while (level.Reserved > 0 && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            level = await silo.Stock(shoe).GetLevelAsync();
        }

        Assert.Equal(new StockLevel(OnHand: 3, Reserved: 0, Sold: 2, Received: 5, WrittenOff: 0), level.Figures());
        Assert.Single(gateway.Charges);
    }

    [Fact]
    public async Task A_payment_cut_off_before_the_providers_answer_was_stored_is_settled_by_the_retry_without_a_second_charge()
    {
        var storage = new CrashingStorage();
        var reminders = new SharedReminderTable();
        var gateway = new FakePaymentGateway();
        string shoe;
        string orderId;
        await using (var first = await ShopSilo.StartAsync(storage: storage.For, reminders: reminders, gateway: gateway))
        {
            shoe = await first.CreateProductAsync(10m, stock: 5);
            await first.Cart("cart-1").AddItemAsync(shoe, 2);
            orderId = (await first.CheckoutAsync("cart-1")).Value!.Id;
            storage.CrashOn(state => state is OrderState { Payments: [{ Payment.Status: not PaymentStatus.Pending }, ..] });

            await Assert.ThrowsAnyAsync<Exception>(() => first.Order(orderId).PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_visa", "pay-1")));
            Assert.Single(gateway.Charges);
        }

        storage.Recover();
        await using var second = await ShopSilo.StartAsync(storage: storage.For, reminders: reminders, gateway: gateway);
        Assert.Equal(PaymentStatus.Pending, (await second.Order(orderId).GetAsync())!.Payments.Single().Status);

        var retry = await second.Order(orderId).PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_visa", "pay-1"));

        Assert.True(retry.Succeeded);
        Assert.Equal((OrderStatus.Paid, PaymentStatus.Captured), (retry.Value!.Order.Status, retry.Value.Payment.Status));
        Assert.Single(gateway.Charges);
        Assert.Equal(2, (await second.Stock(shoe).GetLevelAsync()).Sold);
    }
}
