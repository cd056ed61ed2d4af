using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Tests.Language;

namespace OrleansShop.GraphQL.Tests.Conformance;

/// <summary>
/// Runs tests/js/conformance.mjs once for the whole conformance corpus: graphql-js 17.1.0 executes every operation,
/// validates every document and rebuilds a schema from our introspection result. Skips without node (via
/// <see cref="GraphQLJsOracle.SkipWhenUnavailable"/>, which also runs <c>npm ci</c>), except under CI=true.
/// </summary>
internal static class GraphQLJsConformanceOracle
{
    private static readonly Lazy<Answers> LazyAnswers = new(Ask);

    /// <summary>Our response to graphql-js's introspection query, sent to graphql-js's <c>buildClientSchema</c>.</summary>
    public static Lazy<string> OurIntrospectionJson { get; } = new(() =>
        new RequestExecutor(ConformanceData.Schema).ExecuteAsync(ConformanceCorpus.IntrospectionQuery).GetAwaiter().GetResult().ToJson());

    public static Answers Get()
    {
        GraphQLJsOracle.SkipWhenUnavailable();
        return LazyAnswers.Value;
    }

    private static Answers Ask()
    {
        JsonNode? introspection;
        try
        {
            introspection = new JsonObject
            {
                ["query"] = ConformanceCorpus.IntrospectionQuery,
                ["result"] = JsonNode.Parse(OurIntrospectionJson.Value),
            };
        }
#pragma warning disable CA1031 // Our failing introspection must not hide the execution and validation answers; its own test reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            introspection = null;
        }

        var input = new JsonObject
        {
            ["schemas"] = new JsonObject
            {
                ["shop"] = ConformanceCorpus.ShopSdl,
                ["specification"] = ConformanceCorpus.SpecificationSdl,
            },
            ["data"] = JsonNode.Parse(ConformanceCorpus.DataJson),
            ["executions"] = new JsonArray([.. ConformanceCorpus.Operations.Select(c => (JsonNode)new JsonObject
            {
                ["query"] = c.Document,
                ["variables"] = c.Variables is { } v ? JsonNode.Parse(v.GetRawText()) : null,
                ["operationName"] = c.OperationName,
            })]),
            ["validations"] = new JsonArray([.. ConformanceCorpus.Validations.Select(c => (JsonNode)new JsonObject
            {
                ["schema"] = c.Schema,
                ["document"] = c.Document,
            })]),
            ["introspection"] = introspection,
        };

        // The machine is shared with other builds; graphql-js itself needs well under a second here.
        Answers answers = GraphQLJsOracle.RunScript<Answers>("conformance.mjs", input.ToJsonString(), timeoutSeconds: 120);
        Assert.Equal(ConformanceCorpus.Operations.Count, answers.Executions.Count);
        Assert.Equal(ConformanceCorpus.Validations.Count, answers.Validations.Count);
        return answers;
    }

    internal sealed record Answers(
        IReadOnlyList<ExecutionAnswer> Executions,
        IReadOnlyList<ValidationAnswer> Validations,
        IntrospectionAnswer Introspection);

    internal sealed record ExecutionAnswer(bool HasData, JsonElement Data, IReadOnlyList<ExecutionError> Errors);

    internal sealed record ExecutionError(string Message, IReadOnlyList<JsonElement>? Path, IReadOnlyList<Location> Locations);

    internal sealed record ValidationAnswer(string? ParseError, IReadOnlyList<ValidationError> Errors);

    internal sealed record ValidationError(string Message, IReadOnlyList<Location> Locations);

    internal sealed record Location(int Line, int Column);

    internal sealed record IntrospectionAnswer(string ExpectedQuery, string SourcePrinted, string? ClientPrinted, string? Error);
}
