using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>
/// The result of running one request and how the transport should frame it: one response, or for a subscription the stream of
/// responses (one per event). <see cref="Refusal"/> is the host's answer when it refused the operation.
/// </summary>
internal readonly record struct RequestOutcome(
    RequestOutcomeKind Kind,
    ExecutionResult? Result,
    IAsyncEnumerable<ExecutionResult>? Stream = null,
    OperationAdmission? Refusal = null)
{
    public static RequestOutcome Response(ExecutionResult result) => new(RequestOutcomeKind.Response, result);
}
