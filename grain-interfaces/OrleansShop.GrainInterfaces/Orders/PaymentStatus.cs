namespace OrleansShop.GrainInterfaces;

public enum PaymentStatus
{
    Pending,
    Authorized,
    Captured,
    Declined,
    Refunded,
    Failed,
}
