using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>The order and its saga's progress: enough to finish any step after a crash.</summary>
internal sealed class OrderState
{
    public OrderStage Stage { get; set; }

    public StockStep PendingStock { get; set; }

    public string IdempotencyKey { get; set; } = string.Empty;

    public string CartId { get; set; } = string.Empty;

    public string? CustomerId { get; set; }

    public string Email { get; set; } = string.Empty;

    public string Number { get; set; } = string.Empty;

    public List<OrderLine> Lines { get; set; } = [];

    public Money Subtotal { get; set; }

    public Money Shipping { get; set; }

    public Money Total { get; set; }

    public AddressInput? ShippingAddress { get; set; }

    public OrderStatus Status { get; set; }

    public List<OrderStatusChange> History { get; set; } = [];

    public List<PaymentRecord> Payments { get; set; } = [];

    public string? TrackingNumber { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public DateTimeOffset? ReservationExpiresAt { get; set; }

    public List<UserError> CheckoutErrors { get; set; } = [];
}
