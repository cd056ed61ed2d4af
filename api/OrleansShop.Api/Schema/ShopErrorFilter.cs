namespace OrleansShop.Api.Schema;

/// <summary>
/// Every GraphQL error leaves with a code clients can switch on: HotChocolate's authorization codes become the contract's
/// UNAUTHENTICATED and FORBIDDEN, and an unexpected exception is UNEXPECTED_EXECUTION_ERROR. Outside Development nothing
/// of the exception (message, stack trace) leaves the server.
/// </summary>
internal sealed class ShopErrorFilter(bool includeExceptionDetails) : IErrorFilter
{
    public const string UnexpectedError = "UNEXPECTED_EXECUTION_ERROR";

    public IError OnError(IError error)
    {
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
