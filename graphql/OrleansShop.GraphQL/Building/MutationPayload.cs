namespace OrleansShop.GraphQL.Building;

/// <summary>
/// What a field under the mutation convention resolves to: its result, or the errors that explain why there is none.
/// A resolver may return one; any other value it returns is the result with no errors.
/// </summary>
public sealed class MutationPayload
{
    private MutationPayload(object? result, IReadOnlyList<object> errors)
    {
        Result = result;
        Errors = errors;
    }

    /// <summary>The value of the payload's result field; null when the mutation failed.</summary>
    public object? Result { get; }

    /// <summary>Error objects of the application's error type; empty when the mutation succeeded.</summary>
    public IReadOnlyList<object> Errors { get; }

    public static MutationPayload Success(object? result) => new(result, []);

    public static MutationPayload Failure(params object[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Length == 0)
        {
            throw new ArgumentException("A failed mutation names at least one error.", nameof(errors));
        }

        return new MutationPayload(null, [.. errors]);
    }

    public static MutationPayload Failure(IEnumerable<object> errors) => Failure([.. errors]);
}
