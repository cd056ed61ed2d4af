using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>
/// The <c>errors</c> of a mutation payload: expected failures are UserErrors with the contract's codes, never GraphQL
/// errors.
/// </summary>
internal static class UserErrors
{
    public static IReadOnlyList<UserError> None { get; } = [];

    public static IReadOnlyList<UserError> Of(ErrorCode code, string message, params string[] field) => [UserError.For(code, message, field)];

    public static IReadOnlyList<UserError> Unauthenticated() => Of(ErrorCode.Unauthenticated, "Sign in first.");

    public static IReadOnlyList<UserError> Forbidden() => Of(ErrorCode.Forbidden, "Only an administrator may do this.");

    /// <summary>Null when the caller is an admin; otherwise why they may not do what only admins do.</summary>
    public static IReadOnlyList<UserError>? UnlessAdmin(IResolverContext context) =>
        context.IsAdmin() ? null : context.CustomerId() is null ? Unauthenticated() : Forbidden();
}
