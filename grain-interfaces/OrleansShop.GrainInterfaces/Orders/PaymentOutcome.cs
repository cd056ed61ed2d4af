namespace OrleansShop.GrainInterfaces;

/// <summary>The order after a payment attempt, and that attempt.</summary>
public sealed record PaymentOutcome(OrderDetails Order, Payment Payment);
