using System.Text.Json;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.Tests.Conformance;

/// <summary>
/// Every operation of Corpus/operations.graphql, executed by graphql-js 17.1.0 (<c>graphql()</c>) and by us over the same
/// schema and data, must give the same <c>data</c> (JSON-equal) and the same error paths, as many errors as graphql-js.
/// </summary>
public sealed class ExecutionConformanceTests
{
    private static readonly RequestExecutor Executor = new(
        ConformanceData.Schema,
        new ExecutorOptions { Validate = (schema, document) => DocumentValidator.Validate(schema, document, ValidationOptions.SpecificationOnly).Errors });

    public static TheoryData<string> Cases() => CasesSkipping(KnownEngineBugs.Execution);

    public static TheoryData<string> CasesForMessages() => CasesSkipping(KnownEngineBugs.Execution, KnownEngineBugs.ExecutionMessages);

    public static TheoryData<string> CasesForLocations() => CasesSkipping(KnownEngineBugs.Execution, KnownEngineBugs.ExecutionLocations);

    [Fact]
    public void Corpus_has_at_least_forty_uniquely_named_operations()
    {
        Assert.True(ConformanceCorpus.Operations.Count >= 40, $"only {ConformanceCorpus.Operations.Count} operations");
        Assert.Equal(ConformanceCorpus.Operations.Count, ConformanceCorpus.Operations.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_gives_the_same_data_and_error_paths_as_graphql_js(string name)
    {
        var (expected, actual, c) = await RunAsync(name);
        string report = Report(c, expected, actual);

        Assert.True(expected.HasData == actual.HasData, "presence of data differs\n" + report);
        Assert.True(!expected.HasData || JsonEquality.AreEqual(expected.Data, actual.Data), "data differs\n" + report);
        Assert.True(expected.Errors.Count == actual.Errors.Count, "error count differs\n" + report);
        Assert.True(Paths(expected.Errors).SequenceEqual(Paths(actual.Errors)), "error paths differ\n" + report);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_gives_response_fields_in_the_same_order_as_graphql_js(string name)
    {
        var (expected, actual, c) = await RunAsync(name);
        Assert.True(!expected.HasData || !actual.HasData || JsonEquality.AreEqual(expected.Data, actual.Data, memberOrderMatters: true), "data or its field order differs\n" + Report(c, expected, actual));
    }

    [Theory]
    [MemberData(nameof(CasesForLocations))]
    public async Task Operation_errors_point_at_the_same_paths_and_locations_as_graphql_js(string name)
    {
        var (expected, actual, c) = await RunAsync(name);
        Assert.True(Describe(expected.Errors).SequenceEqual(Describe(actual.Errors)), "error paths or locations differ\n" + Report(c, expected, actual));
    }

    [Fact]
    public async Task Cases_skipped_as_engine_bugs_exist_and_still_differ_from_graphql_js()
    {
        var stale = new List<string>();
        foreach (var name in KnownEngineBugs.Execution.Keys)
        {
            Assert.Contains(ConformanceCorpus.Operations, c => c.Name == name);
            var (expected, actual, _) = await RunAsync(name);
            if (expected.HasData == actual.HasData
                && (!expected.HasData || JsonEquality.AreEqual(expected.Data, actual.Data, memberOrderMatters: true))
                && Paths(expected.Errors).SequenceEqual(Paths(actual.Errors)))
            {
                stale.Add(name);
            }
        }

        Assert.True(stale.Count == 0, "now agree with graphql-js, remove from KnownEngineBugs.Execution: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Cases_skipped_for_error_messages_exist_and_still_differ_from_graphql_js()
    {
        var stale = new List<string>();
        foreach (var name in KnownEngineBugs.ExecutionMessages.Keys)
        {
            Assert.Contains(ConformanceCorpus.Operations, c => c.Name == name);
            var (expected, actual, _) = await RunAsync(name);
            if (expected.Errors.Select(e => e.Message).Order(StringComparer.Ordinal).SequenceEqual(actual.Errors.Select(e => e.Message).Order(StringComparer.Ordinal)))
            {
                stale.Add(name);
            }
        }

        Assert.True(stale.Count == 0, "now agree with graphql-js, remove from KnownEngineBugs.ExecutionMessages: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Cases_skipped_for_error_locations_exist_and_still_differ_from_graphql_js()
    {
        var stale = new List<string>();
        foreach (var name in KnownEngineBugs.ExecutionLocations.Keys)
        {
            Assert.Contains(ConformanceCorpus.Operations, c => c.Name == name);
            var (expected, actual, _) = await RunAsync(name);
            if (Describe(expected.Errors).SequenceEqual(Describe(actual.Errors)))
            {
                stale.Add(name);
            }
        }

        Assert.True(stale.Count == 0, "now agree with graphql-js, remove from KnownEngineBugs.ExecutionLocations: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(CasesForMessages))]
    public async Task Operation_errors_have_the_messages_of_graphql_js(string name)
    {
        var (expected, actual, c) = await RunAsync(name);
        var theirs = expected.Errors.Select(e => e.Message).Order(StringComparer.Ordinal);
        var ours = actual.Errors.Select(e => e.Message).Order(StringComparer.Ordinal);
        Assert.True(theirs.SequenceEqual(ours), "error messages differ\n" + Report(c, expected, actual));
    }

    [Fact]
    public async Task Bad_variable_values_give_no_data_and_an_error_on_both_sides()
    {
        var cases = ConformanceCorpus.Operations.Where(c => c.Name.StartsWith("variables_rejected", StringComparison.Ordinal)).ToList();
        Assert.True(cases.Count >= 5, $"only {cases.Count} cases of rejected variables");
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var (expected, actual, _) = await RunAsync(c.Name);
            if (expected.HasData || expected.Errors.Count == 0)
            {
                failures.Add($"{c.Name}: graphql-js executed it ({expected.Errors.Count} errors)");
            }

            if (actual.HasData || actual.Errors.Count == 0)
            {
                failures.Add($"{c.Name}: we executed it ({actual.Errors.Count} errors)");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every operation of the corpus, those named in <paramref name="knownBugs"/> skipped with the bug as the reason.</summary>
    private static TheoryData<string> CasesSkipping(params IReadOnlyDictionary<string, string>[] knownBugs)
    {
        var data = new TheoryData<string>();
        foreach (var c in ConformanceCorpus.Operations)
        {
            string? skip = knownBugs.Select(bugs => KnownEngineBugs.Reason(bugs, c.Name)).FirstOrDefault(reason => reason is not null);
            data.Add(new TheoryDataRow<string>(c.Name) { Skip = skip });
        }

        return data;
    }

    private static async Task<(GraphQLJsConformanceOracle.ExecutionAnswer Expected, Outcome Actual, ConformanceCorpus.Case Case)> RunAsync(string name)
    {
        var answers = GraphQLJsConformanceOracle.Get();
        int index = ConformanceCorpus.Operations.ToList().FindIndex(c => c.Name == name);
        var c = ConformanceCorpus.Operations[index];
        Dictionary<string, object?>? variables = c.Variables?.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        var result = await Executor.ExecuteAsync(
            new ExecutionRequest { Query = c.Document, Variables = variables, OperationName = c.OperationName, RootValue = ConformanceData.Data },
            TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(result.ToJson());
        var root = json.RootElement;
        bool hasData = root.TryGetProperty("data", out var data);
        var errors = result.Errors
            .Select(e => new Error(e.Message, e.Path is null ? null : JsonSerializer.Serialize(e.Path), string.Join(" ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))))
            .ToList();
        return (answers.Executions[index], new Outcome(hasData, hasData ? data.Clone() : default, errors, root.Clone()), c);
    }

    private static List<string> Describe(IEnumerable<GraphQLJsConformanceOracle.ExecutionError> errors) =>
        [.. errors
            .Select(e => (e.Path is null ? "(none)" : JsonSerializer.Serialize(e.Path)) + " @ " + string.Join(" ", e.Locations.Select(l => $"{l.Line}:{l.Column}")))
            .Order(StringComparer.Ordinal)];

    private static List<string> Describe(IEnumerable<Error> errors) => [.. errors.Select(e => (e.Path ?? "(none)") + " @ " + e.Locations).Order(StringComparer.Ordinal)];

    private static List<string> Paths(IEnumerable<GraphQLJsConformanceOracle.ExecutionError> errors) =>
        [.. errors.Select(e => e.Path is null ? "(none)" : JsonSerializer.Serialize(e.Path)).Order(StringComparer.Ordinal)];

    private static List<string> Paths(IEnumerable<Error> errors) => [.. errors.Select(e => e.Path ?? "(none)").Order(StringComparer.Ordinal)];

    private static string Report(ConformanceCorpus.Case c, GraphQLJsConformanceOracle.ExecutionAnswer expected, Outcome actual) =>
        $"""
        {c.Document}
        variables: {c.Variables?.GetRawText() ?? "(none)"}
        --- graphql-js
        data: {(expected.HasData ? expected.Data.GetRawText() : "(absent)")}
        errors: {string.Join(" | ", expected.Errors.Select(e => (e.Path is null ? "(none)" : JsonSerializer.Serialize(e.Path)) + " " + e.Message))}
        --- ours
        {actual.Response.GetRawText()}
        """;

    private sealed record Error(string Message, string? Path, string Locations);

    private sealed record Outcome(bool HasData, JsonElement Data, IReadOnlyList<Error> Errors, JsonElement Response);
}
