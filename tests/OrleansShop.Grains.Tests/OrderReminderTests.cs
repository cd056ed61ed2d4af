using Microsoft.Extensions.DependencyInjection;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

/// <summary>The reminder row an order keeps while it waits for payment, as the reminder table holds it.</summary>
public sealed class OrderReminderTests
{
    [Fact]
    public async Task A_placed_order_s_reminder_first_ticks_when_its_reservation_runs_out_and_is_removed_once_paid()
    {
        await using var silo = await ShopSilo.StartAsync();
        var reminders = silo.Services.GetRequiredService<IReminderTable>();
        var shoe = await silo.CreateProductAsync(20.00m, stock: 10);
        await silo.Cart("cart-1").AddItemAsync(shoe, 1);

        var order = (await silo.CheckoutAsync("cart-1")).Value!;

        var orderGrain = silo.Order(order.Id).GetGrainId();
        var rows = await reminders.ReadRows(orderGrain, TestContext.Current.CancellationToken);
        var row = Assert.Single(rows.Reminders, r => r.ReminderName == OrderGrain.ReminderName);
        // Never before the reservation runs out (an early tick would find nothing to expire), and not long after it.
        Assert.InRange(new DateTimeOffset(row.StartAt, TimeSpan.Zero) - order.ReservationExpiresAt!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(5));

        var paid = await silo.Order(order.Id).PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_visa", "pay-1"));

        Assert.Equal(OrderStatus.Paid, paid.Value!.Order.Status);
        Assert.DoesNotContain((await reminders.ReadRows(orderGrain, TestContext.Current.CancellationToken)).Reminders, r => r.ReminderName == OrderGrain.ReminderName);
    }
}
