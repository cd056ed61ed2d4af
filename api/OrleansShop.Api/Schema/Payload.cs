using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Mutation payloads as the contract shapes them (<c>XPayload { x, errors: [UserError!]! }</c>): expected failures are
/// UserErrors with the contract's codes, never GraphQL errors.
/// </summary>
internal static class Payload
{
    public static Dictionary<string, object?> Ok(string field, object? value) => new(StringComparer.Ordinal) { [field] = value, ["errors"] = Array.Empty<object>() };

    public static Dictionary<string, object?> Fail(IEnumerable<UserError> errors) =>
        new(StringComparer.Ordinal) { ["errors"] = errors.Select(ToGraphQL).ToList() };

    public static Dictionary<string, object?> Fail(ErrorCode code, string message, params string[] field) => Fail([UserError.For(code, message, field)]);

    public static Dictionary<string, object?> Unauthenticated() => Fail(ErrorCode.Unauthenticated, "Sign in first.");

    public static Dictionary<string, object?> Forbidden() => Fail(ErrorCode.Forbidden, "Only an administrator may do this.");

    /// <summary>The object the contract's UserError type reads.</summary>
    public static Dictionary<string, object?> ToGraphQL(UserError error) => new(StringComparer.Ordinal)
    {
        ["message"] = error.Message,
        ["code"] = ContractEnum.Name(error.Code),
        ["field"] = error.Field,
    };
}
