using System.Text.Json;
using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Tests.Conformance;

/// <summary>
/// graphql-js's full introspection query (every option of <c>getIntrospectionQuery</c> on) run by our executor must give a
/// result graphql-js can rebuild with <c>buildClientSchema</c> and <c>assertValidSchema</c>, and whose
/// <c>printSchema(lexicographicSortSchema(...))</c> is both graphql-js's print of the source SDL and our SDL printer's sorted output.
/// </summary>
public sealed class IntrospectionConformanceTests
{
    [Fact]
    public void Checked_in_introspection_query_is_graphql_js_get_introspection_query_with_every_option()
    {
        var answers = GraphQLJsConformanceOracle.Get();
        Assert.Equal(answers.Introspection.ExpectedQuery, ConformanceCorpus.IntrospectionQuery);
    }

    [Fact]
    public void Introspection_query_runs_without_errors_on_our_executor()
    {
        using var result = JsonDocument.Parse(GraphQLJsConformanceOracle.OurIntrospectionJson.Value);
        Assert.False(result.RootElement.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.Equal(JsonValueKind.Object, result.RootElement.GetProperty("data").GetProperty("__schema").ValueKind);
    }

    [Fact]
    public void Graphql_js_builds_a_valid_client_schema_from_our_introspection_result()
    {
        var answers = GraphQLJsConformanceOracle.Get();
        Assert.True(answers.Introspection.Error is null, answers.Introspection.Error);
        Assert.NotNull(answers.Introspection.ClientPrinted);
    }

    [Fact]
    public void Client_schema_from_our_introspection_prints_as_graphql_js_prints_the_source_sdl()
    {
        var answers = GraphQLJsConformanceOracle.Get();
        Assert.True(answers.Introspection.Error is null, answers.Introspection.Error);
        Assert.True(
            answers.Introspection.SourcePrinted == answers.Introspection.ClientPrinted,
            LineDiff.Describe(answers.Introspection.SourcePrinted, answers.Introspection.ClientPrinted));
    }

    [Fact]
    public void Our_sorted_sdl_print_equals_graphql_js_print_of_the_source_sdl()
    {
        var answers = GraphQLJsConformanceOracle.Get();
        string ours = SchemaPrinter.Print(ConformanceData.Schema, sortLexicographically: true);
        Assert.True(answers.Introspection.SourcePrinted == ours, LineDiff.Describe(answers.Introspection.SourcePrinted, ours));
    }
}
