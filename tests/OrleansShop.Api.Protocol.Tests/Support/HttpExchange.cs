using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansShop.Api.Protocol.Tests.Support;

/// <summary>One HTTP request to the GraphQL endpoint as the client saw it: status, media type, body and how long it took.</summary>
internal sealed record HttpExchange(int Status, string? MediaType, string Body, TimeSpan Elapsed)
{
    private readonly Lazy<JsonObject?> json = new(() => ParseObject(Body));

    /// <summary>The body as a JSON object; null when it is empty, not JSON, or not an object (a batch answer is an array).</summary>
    public JsonObject? Json => json.Value;

    public bool HasData => Json?.ContainsKey("data") == true;

    public JsonArray Errors => Json?["errors"] as JsonArray ?? [];

    /// <summary>The <c>extensions.code</c> of every error that has one.</summary>
    public IReadOnlyList<string> ErrorCodes =>
        [.. Errors.Select(e => e?["extensions"]?["code"]).OfType<JsonValue>().Select(c => c.ToString())];

    /// <summary>What a failure message shows of the exchange: status, time and the start of the body.</summary>
    public override string ToString() =>
        $"{Status} {MediaType} in {Elapsed.TotalMilliseconds:0} ms: {(Body.Length > 600 ? Body[..600] + "..." : Body)}";

    private static JsonObject? ParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
