using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Alias("shop.PaymentStatus")]
public enum PaymentStatus
{
    Pending,
    Authorized,
    Captured,
    Declined,
    Refunded,
    Failed,
}
