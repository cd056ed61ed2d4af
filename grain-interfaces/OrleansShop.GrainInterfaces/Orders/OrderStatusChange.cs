namespace OrleansShop.GrainInterfaces;

public sealed record OrderStatusChange(OrderStatus Status, DateTimeOffset At, string? Note);
