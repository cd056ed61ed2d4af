using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OrleansShop.Api.Protocol.Tests.Support;

/// <summary>Raw POSTs to /graphql, timed from the first byte sent to the last byte of the answer read.</summary>
internal static class GraphQLHttp
{
    /// <summary>What a GraphQL-over-HTTP client asks for: the spec's media type first, legacy JSON accepted.</summary>
    public const string Accept = "application/graphql-response+json, application/json;q=0.9";

    public static Task<HttpExchange> PostAsync(this HttpClient http, object request) =>
        http.PostAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request)));

    public static async Task<HttpExchange> PostAsync(this HttpClient http, byte[] body, string contentType = "application/json")
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        message.Headers.Accept.ParseAdd(Accept);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(message, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new HttpExchange((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, clock.Elapsed);
    }
}
