using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>A sign-in (register, login, refresh) or sign-out: the tokens and the customer, or why not.</summary>
internal sealed record AuthPayload(
    string? AccessToken,
    string? RefreshToken,
    DateTimeOffset? ExpiresAt,
    CustomerProfile? Customer,
    IReadOnlyList<UserError> Errors)
{
    public static AuthPayload Failed(IReadOnlyList<UserError> errors) => new(null, null, null, null, errors);
}
