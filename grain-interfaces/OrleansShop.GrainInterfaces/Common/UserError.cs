using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// An expected failure (bad input, out of stock, wrong password). <see cref="Field"/> is the path into the API's input
/// that caused it, e.g. ["input", "quantity"], or null when no single field is to blame.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.UserError")]
public sealed record UserError([property: Id(0)] ErrorCode Code, [property: Id(1)] string Message, [property: Id(2)] IReadOnlyList<string>? Field = null)
{
    public static UserError For(ErrorCode code, string message, params string[] field) =>
        new(code, message, field.Length == 0 ? null : ["input", .. field]);

    // Two errors are the same when their paths are, not only when they share the list instance: a retry that answers
    // with "the same error" builds a new one.
    public bool Equals(UserError? other) =>
        other is not null
        && Code == other.Code
        && Message == other.Message
        && (ReferenceEquals(Field, other.Field) || (Field is not null && other.Field is not null && Field.SequenceEqual(other.Field)));

    public override int GetHashCode() => HashCode.Combine(Code, Message, Field?.Count);
}
