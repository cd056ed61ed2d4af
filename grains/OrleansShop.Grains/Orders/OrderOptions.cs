using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>Checkout settings (configuration section OrleansShop:Checkout).</summary>
public sealed class OrderOptions
{
    /// <summary>How long stock stays reserved for an unpaid order before the order is cancelled.</summary>
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The period of the order's reminder, which expires unpaid orders and resumes an interrupted saga. The silo's
    /// minimum reminder period bounds it from below (one minute by default).
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The shipping charged on an order below <see cref="FreeShippingFrom"/>.</summary>
    public decimal ShippingFlatRate { get; set; } = 5.00m;

    /// <summary>The subtotal from which shipping is free; null: never free.</summary>
    public decimal? FreeShippingFrom { get; set; } = 50.00m;

    /// <summary>The shipping rule: a flat rate, free from a threshold.</summary>
    public Money ShippingFor(Money subtotal) =>
        FreeShippingFrom is { } threshold && subtotal.Amount >= threshold
            ? Money.Zero(subtotal.Currency)
            : new Money(ShippingFlatRate, subtotal.Currency);
}
