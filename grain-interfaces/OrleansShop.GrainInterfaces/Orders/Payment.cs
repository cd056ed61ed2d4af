namespace OrleansShop.GrainInterfaces;

/// <summary>One payment attempt. For cards only brand and last four digits are ever known here.</summary>
public sealed record Payment(
    string Id,
    PaymentMethod Method,
    PaymentStatus Status,
    Money Amount,
    string? CardBrand,
    string? CardLast4,
    string? RedirectUrl,
    string? Message,
    DateTimeOffset CreatedAt);
