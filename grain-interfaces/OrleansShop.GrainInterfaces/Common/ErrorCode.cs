namespace OrleansShop.GrainInterfaces;

/// <summary>The contract's ErrorCode enum: why an expected failure happened, for the API's UserError.</summary>
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
