using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>The contract's ErrorCode enum: why an expected failure happened, for the API's UserError.</summary>
[GenerateSerializer, Alias("shop.ErrorCode")]
public enum ErrorCode
{
    InvalidInput,
    NotFound,
    Unauthenticated,
    Forbidden,
    Conflict,
    EmailTaken,
    InvalidCredentials,
    WeakPassword,
    OutOfStock,
    ProductUnavailable,
    CartEmpty,
    PaymentDeclined,
    PaymentFailed,
    InvalidState,
    ReviewNotAllowed,
    RateLimited,
}
