using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>Builds GraphQL requests for HttpClient and reads their responses.</summary>
internal static class GraphQLHttp
{
    public static HttpRequestMessage Post(string body, string? accept = null, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    public static HttpRequestMessage PostQuery(string query, object? variables = null, string? operationName = null, object? extensions = null, string? accept = null) =>
        Post(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["query"] = query,
            ["variables"] = variables,
            ["operationName"] = operationName,
            ["extensions"] = extensions,
        }), accept);

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string? FirstErrorCode(JsonElement body) =>
        body.GetProperty("errors")[0].TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code) ? code.GetString() : null;
}
