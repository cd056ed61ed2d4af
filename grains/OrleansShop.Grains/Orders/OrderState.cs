using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>The order and its saga's progress: enough to finish any step after a crash.</summary>
[GenerateSerializer, Alias("shop.OrderState")]
internal sealed class OrderState
{
    [Id(0)]
    public OrderStage Stage { get; set; }

    [Id(1)]
    public StockStep PendingStock { get; set; }

    [Id(2)]
    public string IdempotencyKey { get; set; } = string.Empty;

    [Id(3)]
    public string CartId { get; set; } = string.Empty;

    [Id(4)]
    public string? CustomerId { get; set; }

    [Id(5)]
    public string Email { get; set; } = string.Empty;

    [Id(6)]
    public string Number { get; set; } = string.Empty;

    [Id(7)]
    public List<OrderLine> Lines { get; set; } = [];

    [Id(8)]
    public Money Subtotal { get; set; }

    [Id(9)]
    public Money Shipping { get; set; }

    [Id(10)]
    public Money Total { get; set; }

    [Id(11)]
    public AddressInput? ShippingAddress { get; set; }

    [Id(12)]
    public OrderStatus Status { get; set; }

    [Id(13)]
    public List<OrderStatusChange> History { get; set; } = [];

    [Id(14)]
    public List<PaymentRecord> Payments { get; set; } = [];

    [Id(15)]
    public string? TrackingNumber { get; set; }

    [Id(16)]
    public DateTimeOffset PlacedAt { get; set; }

    [Id(17)]
    public DateTimeOffset? ReservationExpiresAt { get; set; }

    [Id(18)]
    public List<UserError> CheckoutErrors { get; set; } = [];

    /// <summary>
    /// How many checkouts under this order id were rejected and rolled back before this one. The stock grains refuse a
    /// released reservation for good, so each attempt reserves under its own key.
    /// </summary>
    [Id(19)]
    public int RejectedAttempts { get; set; }

    /// <summary>
    /// How many of <see cref="History"/>'s changes are known to be on the domain-event stream. Raised when a publication
    /// succeeds and stored with the next write, so after a crash the order publishes again what may not have gone out
    /// (at least once), and at most the last change twice.
    /// </summary>
    [Id(20)]
    public int PublishedSequence { get; set; }
}
