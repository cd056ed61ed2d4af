namespace OrleansShop.GraphQL.Execution;

/// <summary>The values of <c>extensions.code</c> the executor writes.</summary>
public static class ErrorCodes
{
    /// <summary>A resolver failed with an exception that is not a <see cref="GraphQLException"/>.</summary>
    public const string UnexpectedError = "UNEXPECTED_EXECUTION_ERROR";

    /// <summary>A non-null field resolved to null.</summary>
    public const string NonNullViolation = "NON_NULL_VIOLATION";

    /// <summary>A value could not be serialized as its leaf type.</summary>
    public const string InvalidResult = "INVALID_RESULT_VALUE";

    /// <summary>An argument could not be coerced.</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>A variable could not be coerced.</summary>
    public const string InvalidVariable = "INVALID_VARIABLE";

    /// <summary>The operation to run could not be determined.</summary>
    public const string OperationNotFound = "OPERATION_NOT_FOUND";

    /// <summary>The request was aborted.</summary>
    public const string Cancelled = "REQUEST_CANCELLED";

    /// <summary>The document could not be parsed.</summary>
    public const string SyntaxError = "GRAPHQL_PARSE_FAILED";

    /// <summary>The document failed validation.</summary>
    public const string ValidationError = "GRAPHQL_VALIDATION_FAILED";
}
