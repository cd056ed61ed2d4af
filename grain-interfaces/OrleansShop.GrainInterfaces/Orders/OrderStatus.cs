using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Alias("shop.OrderStatus")]
public enum OrderStatus
{
    /// <summary>Placed, stock reserved, waiting for payment.</summary>
    PaymentPending,
    Paid,
    Shipped,
    Delivered,

    /// <summary>By the customer, an admin or an expired reservation.</summary>
    Cancelled,
    Refunded,
}
