using System.Diagnostics;
using System.Text;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.Tests.Validation;

/// <summary>The protective limits of <see cref="ValidationOptions"/>, checked in one pass before the rules.</summary>
public sealed class DocumentLimitsTests
{
    private static DocumentValidationResult Validate(string query, ValidationOptions? options = null) =>
        DocumentValidator.Validate(ValidationHarness.Pets, Parser.Parse(query, new ParserOptions { MaxTokens = 1_000_000, MaxDocumentBytes = 16 * 1024 * 1024 }), options);

    private static string Aliases(int count, string field = "name")
    {
        var builder = new StringBuilder("{ dog { ");
        for (int i = 0; i < count; i++)
        {
            builder.Append('a').Append(i).Append(": ").Append(field).Append(' ');
        }

        return builder.Append("} }").ToString();
    }

    [Fact]
    public void The_statistics_of_a_document_are_measured_with_fragments_expanded()
    {
        var result = Validate(
            """
            query Q { dog { ...F } a: human { name } }
            fragment F on Dog { mother { mother { name } } alias: name }
            """);
        Assert.True(result.IsValid);
        Assert.Equal(new DocumentStatistics(FieldSelections: 7, Aliases: 2, MaxDepth: 4, MaxRootFields: 2), result.Statistics);
    }

    [Fact]
    public void Too_deep_an_operation_is_refused_with_its_depth_and_code()
    {
        var result = Validate("query Deep { dog { mother { mother { mother { name } } } } }", new ValidationOptions { MaxDepth = 4 });
        var error = Assert.Single(result.Errors);
        Assert.Equal("Operation \"Deep\" has a depth of 5, more than the maximum depth of 4.", error.Message);
        Assert.Equal("MAX_DEPTH_EXCEEDED", error.Code);
        Assert.Equal(5, error.Extensions!["measured"]);
        Assert.Equal(new OrleansShop.GraphQL.Execution.ErrorLocation(1, 1), Assert.Single(error.Locations));
    }

    [Fact]
    public void Depth_counts_through_fragments_and_a_fragment_cycle_does_not_hang_the_limits()
    {
        var deep = Validate(
            "{ dog { ...A } } fragment A on Dog { mother { ...B } } fragment B on Dog { mother { mother { name } } }",
            new ValidationOptions { MaxDepth = 3 });
        Assert.Equal("MAX_DEPTH_EXCEEDED", Assert.Single(deep.Errors).Code);

        var cyclic = Validate("{ dog { ...A } } fragment A on Dog { mother { ...A } }");
        Assert.Contains(cyclic.Errors, e => e.Message.StartsWith("Cannot spread fragment \"A\" within itself", StringComparison.Ordinal));
    }

    [Fact]
    public void An_alias_flood_is_refused_before_any_rule_runs()
    {
        var result = Validate(Aliases(10_000));
        Assert.Equal(["MAX_ALIASES_EXCEEDED", "MAX_FIELDS_EXCEEDED"], result.Errors.Select(e => e.Code));
        var error = result.Errors[0];
        Assert.Equal("The document has 10000 aliased fields, more than the 256 allowed.", error.Message);
        Assert.Equal(10_000, result.Statistics.Aliases);
    }

    [Fact]
    public void Too_many_field_selections_are_refused()
    {
        var result = Validate(Aliases(50), new ValidationOptions { MaxFieldSelections = 40, MaxAliases = null });
        Assert.Equal("MAX_FIELDS_EXCEEDED", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Too_many_root_fields_are_refused_counting_through_fragments()
    {
        var result = Validate(
            "query Batch { a: dog { name } b: dog { name } ...R ... on QueryRoot { c: cat { name } } } fragment R on QueryRoot { d: human { name } e: pet { name } }",
            new ValidationOptions { MaxRootFields = 4 });
        var error = Assert.Single(result.Errors);
        Assert.Equal("MAX_ROOT_FIELDS_EXCEEDED", error.Code);
        Assert.Equal("Operation \"Batch\" selects 5 root fields, more than the 4 allowed.", error.Message);
    }

    [Fact]
    public void Fragments_spread_many_times_are_measured_once_each()
    {
        // Each fragment spreads the next twice: 2^40 root fields if expanded naively, measured in linear time.
        var builder = new StringBuilder("{ ...F0 }\n");
        for (int i = 0; i < 40; i++)
        {
            builder.Append($"fragment F{i} on QueryRoot {{ ...F{i + 1} ...F{i + 1} }}\n");
        }

        builder.Append("fragment F40 on QueryRoot { dog { name } }");
        var stopwatch = Stopwatch.StartNew();
        var result = Validate(builder.ToString());
        Assert.True(stopwatch.ElapsedMilliseconds < 5_000, $"took {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal("MAX_ROOT_FIELDS_EXCEEDED", Assert.Single(result.Errors).Code);
        Assert.Equal(int.MaxValue, result.Statistics.MaxRootFields);
    }

    [Fact]
    public void Limits_switched_off_let_the_rules_judge_alone()
    {
        var result = Validate(Aliases(300), ValidationOptions.SpecificationOnly);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Introspection_floods_hit_the_introspection_depth_guard_and_can_be_allowed()
    {
        const string Flood = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }";
        var refused = Validate(Flood);
        Assert.Equal("Maximum introspection depth exceeded", Assert.Single(refused.Errors).Message);

        var allowed = Validate(Flood, new ValidationOptions { MaxIntrospectionListDepth = null });
        Assert.True(allowed.IsValid);
    }

    [Fact]
    public void Validation_stops_at_the_error_limit_and_says_so()
    {
        var builder = new StringBuilder("{ dog { ");
        for (int i = 0; i < 20; i++)
        {
            builder.Append("unknown").Append(i).Append(' ');
        }

        var result = Validate(builder.Append("} }").ToString(), new ValidationOptions { MaxErrors = 5 });
        Assert.Equal(6, result.Errors.Count);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", result.Errors[^1].Message);
    }
}
