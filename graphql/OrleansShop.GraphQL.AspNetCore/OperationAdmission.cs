using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.AspNetCore;

/// <summary>
/// The host's answer to <see cref="GraphQLServerOptions.OnOperationAdmission"/>: run the operation, or refuse it with an
/// error (nothing executes). Over HTTP a refusal answers with <see cref="StatusCode"/> and, when given, a
/// <c>Retry-After</c> header; over a WebSocket it is the operation's <c>error</c> message.
/// </summary>
public sealed class OperationAdmission
{
    private OperationAdmission(GraphQLError? error, int statusCode, TimeSpan? retryAfter)
    {
        Error = error;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public static OperationAdmission Admitted { get; } = new(null, 200, null);

    /// <summary>Null when admitted.</summary>
    public GraphQLError? Error { get; }

    public int StatusCode { get; }

    public TimeSpan? RetryAfter { get; }

    public bool IsAdmitted => Error is null;

    /// <param name="error">What the client reads; give it an <c>extensions.code</c>.</param>
    /// <param name="statusCode">The HTTP status (429 Too Many Requests unless said otherwise).</param>
    /// <param name="retryAfter">When trying again may succeed; sent as <c>Retry-After</c> in whole seconds, rounded up.</param>
    public static OperationAdmission Refuse(GraphQLError error, int statusCode = 429, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A refusal needs an error status (4xx or 5xx).");
        }

        return new OperationAdmission(error, statusCode, retryAfter);
    }
}
