namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>What the transport makes of a request, beyond the result itself.</summary>
internal enum RequestOutcomeKind
{
    /// <summary>A GraphQL response: its status follows from whether it has data and the negotiated media type.</summary>
    Response,

    /// <summary>The request itself is malformed (bad parameters, hash mismatch): 400 whatever the media type.</summary>
    InvalidRequest,

    /// <summary>A mutation over GET: 405 with <c>Allow: POST</c>.</summary>
    MethodNotAllowed,

    /// <summary>The host refused the operation before it ran (e.g. over a client's budget): the refusal's status.</summary>
    Refused,
}
