namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>
/// The <c>extensions.code</c> values the transport itself produces (Apollo's names where clients know them); parse, validation
/// and execution errors carry the engine's <see cref="OrleansShop.GraphQL.Execution.ErrorCodes"/>.
/// </summary>
internal static class TransportErrorCodes
{
    public const string BadRequest = "BAD_REQUEST";
    public const string OperationResolutionFailure = "OPERATION_RESOLUTION_FAILURE";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string SubscriptionNotSupported = "SUBSCRIPTION_NOT_SUPPORTED";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string UnexpectedError = "INTERNAL_SERVER_ERROR";
}
