namespace OrleansShop.GrainInterfaces;

/// <summary>
/// An expected failure (bad input, out of stock, wrong password). <see cref="Field"/> is the path into the API's input
/// that caused it, e.g. ["input", "quantity"], or null when no single field is to blame.
/// </summary>
public sealed record UserError(ErrorCode Code, string Message, IReadOnlyList<string>? Field = null)
{
    public static UserError For(ErrorCode code, string message, params string[] field) =>
        new(code, message, field.Length == 0 ? null : ["input", .. field]);
}
