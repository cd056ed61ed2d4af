using Microsoft.Net.Http.Headers;

namespace OrleansShop.Api.Hosting;

/// <summary>
/// GraphQL over HTTP asks a server to answer <c>Accept: */*</c> (curl's default, and many HTTP libraries') with
/// <c>application/json</c>, which every client reads; HotChocolate picks <c>application/graphql-response+json</c>.
/// A request to the GraphQL endpoint that accepts only wildcards is therefore read as accepting JSON. Browsers send
/// <c>text/html</c> first and still get the IDE.
/// </summary>
internal static class WildcardAccept
{
    public static IApplicationBuilder UseJsonForWildcardAccept(this IApplicationBuilder app, PathString endpoint) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments(endpoint) && AcceptsOnlyWildcards(request.Headers.Accept))
            {
                request.Headers.Accept = "application/json";
            }

            return next(context);
        });

    private static bool AcceptsOnlyWildcards(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var types) || types.Count == 0)
        {
            return false;
        }

        foreach (var type in types)
        {
            if (!type.MatchesAllTypes)
            {
                return false;
            }
        }

        return true;
    }
}
