namespace OrleansShop.Silo.Hosting.Payments;

/// <summary>
/// A charge as the sandbox keeps it and answers it. <see cref="PaymentId"/> and <see cref="OrderId"/> are the shop's own
/// references (a real provider's metadata); <see cref="Status"/> is one of <see cref="SandboxChargeStatus"/>.
/// </summary>
public sealed record SandboxCharge(
    string Id,
    string OrderId,
    string PaymentId,
    string Method,
    decimal Amount,
    string Currency,
    string Status,
    string? Brand,
    string? Last4,
    string? Message,
    string? RedirectUrl);
