namespace OrleansShop.GraphQL.Execution;

/// <summary>Thrown by <see cref="RequestExecutor.Prepare(string)"/> when a document does not parse or validate.</summary>
public sealed class GraphQLRequestException : Exception
{
    public GraphQLRequestException(IReadOnlyList<GraphQLError> errors)
        : base(errors.Count > 0 ? errors[0].Message : "The request is invalid.")
    {
        Errors = errors;
    }

    public GraphQLRequestException()
        : this([])
    {
    }

    public GraphQLRequestException(string message)
        : this([new GraphQLError(message)])
    {
    }

    public GraphQLRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new GraphQLError(message)];
    }

    public IReadOnlyList<GraphQLError> Errors { get; }
}
