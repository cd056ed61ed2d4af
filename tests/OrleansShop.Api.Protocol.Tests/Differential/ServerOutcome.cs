namespace OrleansShop.Api.Protocol.Tests.Differential;

/// <summary>How the server answered an operation, in the terms of the accept/reject comparison.</summary>
internal enum ServerOutcome
{
    /// <summary>It ran: a response with <c>data</c> (null or partial data with field errors included), over HTTP a 2xx.</summary>
    Accepted,

    /// <summary>Refused before running: GraphQL errors without <c>data</c>, a 4xx, or a graphql-transport-ws <c>error</c> message.</summary>
    Rejected,

    /// <summary>Refused for its cost or a limit of the server (see <see cref="ResourceRefusals"/>): no verdict on validity.</summary>
    RefusedForCost,

    /// <summary>A 5xx, or no answer at all: a fault whatever graphql-js says.</summary>
    Failed,
}
