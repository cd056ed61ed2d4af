namespace OrleansShop.GrainInterfaces;

/// <summary>The provider's outcome of a pending payment (its webhook), addressed by our payment id.</summary>
public sealed record PaymentNotification(string PaymentId, bool Succeeded, string? Message = null);
