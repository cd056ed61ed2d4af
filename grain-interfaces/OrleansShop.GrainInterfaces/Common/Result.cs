using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// The outcome of a grain command: a value, or the user errors that explain why nothing was done.
/// Expected failures travel as results, never as exceptions, so the API can turn them into UserErrors.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.Result`1")]
public sealed record Result<T>([property: Id(0)] T? Value, [property: Id(1)] IReadOnlyList<UserError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The first error, for callers that report one.</summary>
    public UserError? Error => Errors.Count == 0 ? null : Errors[0];

    public static Result<T> Ok(T value) => new(value, []);

    public static Result<T> Fail(UserError error) => new(default, [error]);

    public static Result<T> Fail(IReadOnlyList<UserError> errors) =>
        errors.Count > 0 ? new(default, errors) : throw new ArgumentException("A failed result needs at least one error.", nameof(errors));

    public static Result<T> Fail(ErrorCode code, string message, params string[] field) => Fail(UserError.For(code, message, field));

    /// <summary>A failure that still carries a value worth showing, e.g. the order and its declined payment.</summary>
    public static Result<T> Fail(T value, UserError error) => new(value, [error]);

    public static implicit operator Result<T>(UserError error) => Fail(error);
}
