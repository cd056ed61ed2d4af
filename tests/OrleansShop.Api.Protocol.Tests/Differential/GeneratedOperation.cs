using System.Text.Json.Nodes;

namespace OrleansShop.Api.Protocol.Tests.Differential;

/// <summary>One operation of js/operations.mjs with graphql-js's verdict on it (parse, validate, coerce the variables).</summary>
internal sealed record GeneratedOperation(
    int Id,
    string Transport,
    string OperationType,
    IReadOnlyList<string> Breaks,
    string Query,
    JsonObject Variables,
    string? OperationName,
    string? ParseError,
    IReadOnlyList<string> Errors)
{
    public bool IsSubscription => Transport == "ws";

    /// <summary>graphql-js would run it: it parses, validates and its variables coerce.</summary>
    public bool ValidForGraphQLJs => ParseError is null && Errors.Count == 0;

    public string Describe() =>
        $"#{Id} ({OperationType}, {(Breaks.Count == 0 ? "as built" : string.Join(", ", Breaks))}) graphql-js: "
        + (ValidForGraphQLJs ? "valid" : ParseError ?? string.Join(" | ", Errors.Take(3)))
        + $"\n{Query}\nvariables: {Variables.ToJsonString()}";
}
