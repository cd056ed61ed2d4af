namespace OrleansShop.GraphQL.AspNetCore.Http;

/// <summary>The media type a response is written in, which also decides its status codes (GraphQL over HTTP, "Response").</summary>
internal enum ResponseMediaType
{
    /// <summary>Nothing the client accepts can be produced: 406.</summary>
    None,

    /// <summary>Legacy <c>application/json</c>: a GraphQL response (even without data) is 200.</summary>
    Json,

    /// <summary><c>application/graphql-response+json</c>: a response without data is 4xx.</summary>
    GraphQLResponseJson,
}
