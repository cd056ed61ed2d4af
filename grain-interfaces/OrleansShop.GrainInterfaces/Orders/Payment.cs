using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>One payment attempt. For cards only brand and last four digits are ever known here.</summary>
[GenerateSerializer, Immutable, Alias("shop.Payment")]
public sealed record Payment(
    [property: Id(0)] string Id,
    [property: Id(1)] PaymentMethod Method,
    [property: Id(2)] PaymentStatus Status,
    [property: Id(3)] Money Amount,
    [property: Id(4)] string? CardBrand,
    [property: Id(5)] string? CardLast4,
    [property: Id(6)] string? RedirectUrl,
    [property: Id(7)] string? Message,
    [property: Id(8)] DateTimeOffset CreatedAt);
