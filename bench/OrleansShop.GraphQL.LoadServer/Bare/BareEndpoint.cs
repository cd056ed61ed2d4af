using System.Text.Json;

namespace OrleansShop.GraphQL.LoadServer.Bare;

/// <summary>
/// POST /bare: the floor the GraphQL endpoint is measured against. It does what any JSON endpoint must (read and parse the
/// body with System.Text.Json) and answers <c>{ __typename }</c>'s response as fixed bytes, so the difference to
/// /graphql is what the GraphQL layer costs.
/// </summary>
internal static class BareEndpoint
{
    private static readonly byte[] TypeNameResponse = """{"data":{"__typename":"Query"}}"""u8.ToArray();

    public static async Task HandleAsync(HttpContext context)
    {
        var request = await JsonSerializer.DeserializeAsync(context.Request.Body, BareJsonContext.Default.BareRequest, context.RequestAborted).ConfigureAwait(false);
        if (request?.Query is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = TypeNameResponse.Length;
        await context.Response.Body.WriteAsync(TypeNameResponse, context.RequestAborted).ConfigureAwait(false);
    }
}
