using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace OrleansShop.GraphQL.AspNetCore.Http;

/// <summary>Content negotiation for GraphQL over HTTP.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string GraphQLResponseJsonUtf8 = "application/graphql-response+json; charset=utf-8";
    public const string JsonUtf8 = "application/json; charset=utf-8";

    public static string ContentType(ResponseMediaType mediaType) =>
        mediaType == ResponseMediaType.GraphQLResponseJson ? GraphQLResponseJsonUtf8 : JsonUtf8;

    /// <summary>
    /// Picks the response media type from Accept. <c>application/graphql-response+json</c> wins when named explicitly with a
    /// quality at least that of JSON; wildcards and a missing header mean legacy <c>application/json</c>, as the graphql-http
    /// audits expect and as clients that predate the new type (e.g. Banana Cake Pop's <c>*/*</c>) understand.
    /// </summary>
    public static ResponseMediaType Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept))
        {
            return ResponseMediaType.Json;
        }

        // What clients send nearly always; spares parsing the header.
        if (accept.Count == 1)
        {
            switch (accept[0])
            {
                case "*/*" or Json:
                    return ResponseMediaType.Json;
                case GraphQLResponseJson:
                    return ResponseMediaType.GraphQLResponseJson;
            }
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return ResponseMediaType.Json;
        }

        double graphQLResponse = 0, json = 0, wildcard = 0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1;
            var type = range.MediaType;
            if (type.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                graphQLResponse = Math.Max(graphQLResponse, quality);
            }
            else if (type.Equals(Json, StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
            else if (type.Equals("*/*", StringComparison.Ordinal) || type.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            {
                wildcard = Math.Max(wildcard, quality);
            }
        }

        json = Math.Max(json, wildcard);
        if (graphQLResponse > 0 && graphQLResponse >= json)
        {
            return ResponseMediaType.GraphQLResponseJson;
        }

        return json > 0 ? ResponseMediaType.Json : ResponseMediaType.None;
    }

    /// <summary>True for a browser navigation (Accept names text/html), which gets the IDE.</summary>
    public static bool AcceptsHtml(StringValues accept)
    {
        foreach (var value in accept)
        {
            if (value is not null && value.Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for <c>application/json</c> with no charset or UTF-8 (GraphQL over HTTP: requests are UTF-8).
    /// <c>application/graphql-response+json</c> is not a request type but some clients send it, so it is accepted too.
    /// </summary>
    public static bool IsJsonRequest(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        if (!parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
            && !parsed.MediaType.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = parsed.Charset;
        return !charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
