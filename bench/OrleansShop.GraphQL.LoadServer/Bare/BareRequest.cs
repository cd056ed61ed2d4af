using System.Text.Json;

namespace OrleansShop.GraphQL.LoadServer.Bare;

/// <summary>The body of a GraphQL-over-HTTP POST, read by the bare endpoint the way any JSON API reads its input.</summary>
public sealed record BareRequest(string? Query, string? OperationName, JsonElement? Variables, JsonElement? Extensions);
