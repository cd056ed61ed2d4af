using HotChocolate.Execution.Instrumentation;
using RequestContext = HotChocolate.Execution.RequestContext;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Unexpected exceptions in an operation go to the log: outside Development the client sees only "Unexpected Execution
/// Error", so the log is where the cause is found. Expected refusals (GraphQL errors we raise) are not logged.
/// </summary>
internal sealed partial class ExecutionErrorLog(ILogger<ExecutionErrorLog> logger) : ExecutionDiagnosticEventListener
{
    public override void RequestError(RequestContext context, Exception error) => RequestFailed(logger, error);

    public override void ResolverError(IMiddlewareContext context, IError error)
    {
        if (error.Exception is { } exception and not GraphQLException)
        {
            FieldFailed(logger, context.Path.ToString(), exception);
        }
    }

    public override void SubscriptionEventError(RequestContext context, ulong subscriptionId, Exception exception) => RequestFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A GraphQL operation failed")]
    private static partial void RequestFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The GraphQL field {Path} failed")]
    private static partial void FieldFailed(ILogger logger, string path, Exception exception);
}
