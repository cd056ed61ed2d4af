namespace OrleansShop.Api.Schema;

/// <summary>
/// Every GraphQL error leaves with a code clients can switch on: HotChocolate's authorization codes become the contract's
/// UNAUTHENTICATED and FORBIDDEN, and an unexpected exception is UNEXPECTED_EXECUTION_ERROR. Outside Development nothing
/// of the exception (message, stack trace) leaves the server; HotChocolate's own refusals of a request (codes HCnnnn: bad
/// JSON, a syntax error) are expected answers and carry no exception in any environment. A message is cut at
/// <see cref="MaxMessageLength"/> characters: some refusals list every offending name (20,000 unused variables).
/// </summary>
internal sealed class ShopErrorFilter(bool includeExceptionDetails) : IErrorFilter
{
    public const string UnexpectedError = "UNEXPECTED_EXECUTION_ERROR";

    public const int MaxMessageLength = 500;

    public IError OnError(IError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Message.Length > MaxMessageLength)
        {
            error = error.WithMessage(string.Concat(error.Message.AsSpan(0, MaxMessageLength), "…"));
        }

        error = error.Code switch
        {
            "AUTH_NOT_AUTHENTICATED" => error.WithCode(ShopErrors.Unauthenticated),
            "AUTH_NOT_AUTHORIZED" or "AUTH_NOT_ALLOWED" => error.WithCode(ShopErrors.Forbidden),
            _ => error,
        };

        if (error.Exception is null or GraphQLException)
        {
            return error;
        }

        if (error.Code is { } code && code.StartsWith("HC", StringComparison.Ordinal))
        {
            return ErrorBuilder.FromError(error).RemoveExtension("exception").SetException(null!).Build();
        }

        error = error.Code is null ? error.WithCode(UnexpectedError) : error;
        return includeExceptionDetails
            ? error
            : ErrorBuilder.FromError(error)
                .SetMessage("Unexpected Execution Error")
                .RemoveExtension("message")
                .RemoveExtension("stackTrace")
                .SetException(null!)
                .Build();
    }
}
