using System.Diagnostics;
using System.Text;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Validation;
using OrleansShop.GraphQL.Validation.Rules;

namespace OrleansShop.GraphQL.Tests.Validation;

/// <summary>
/// Field merging must not go quadratic: an alias flood is refused by the limits for the price of counting, and even
/// with the limits switched off the comparison caches and the work budget keep validation linear or bounded.
/// </summary>
public sealed class OverlappingFieldsPerformanceTests
{
    private static readonly ParserOptions LargeDocuments = new() { MaxTokens = 10_000_000, MaxDocumentBytes = 64 * 1024 * 1024 };

    private static DocumentNode Aliases(int count, Func<int, string> selection)
    {
        var builder = new StringBuilder("{ dog { ");
        for (int i = 0; i < count; i++)
        {
            builder.Append(selection(i)).Append(' ');
        }

        return Parser.Parse(builder.Append("} }").ToString(), LargeDocuments);
    }

    private static (DocumentValidationResult Result, long Milliseconds) Time(DocumentNode document, ValidationOptions options)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = DocumentValidator.Validate(ValidationHarness.Pets, document, options);
        return (result, stopwatch.ElapsedMilliseconds);
    }

    [Fact]
    public void Ten_thousand_aliases_are_refused_by_the_limit_in_milliseconds()
    {
        var document = Aliases(10_000, i => $"a{i}: name");
        Time(document, ValidationOptions.Default); // warm up
        var (result, milliseconds) = Time(document, ValidationOptions.Default);
        Assert.Equal(["MAX_ALIASES_EXCEEDED", "MAX_FIELDS_EXCEEDED"], result.Errors.Select(e => e.Code));
        Assert.True(milliseconds < 1_000, $"took {milliseconds} ms");
    }

    [Fact]
    public void Distinct_aliases_are_merged_with_linear_work_without_the_limits()
    {
        // Work is counted, not timed: the machine running the tests may be busy.
        var (smallResult, smallWork) = MergeWork(Aliases(5_000, i => $"a{i}: mother {{ name }}"));
        var (largeResult, largeWork) = MergeWork(Aliases(20_000, i => $"a{i}: mother {{ name }}"));
        Assert.True(smallResult.IsValid);
        Assert.True(largeResult.IsValid);

        // Four times the fields; quadratic work would be sixteen times as much.
        Assert.True(largeWork <= smallWork * 4 + 100, $"5 000 aliases cost {smallWork}, 20 000 cost {largeWork}");
    }

    [Fact]
    public void Aliases_of_one_field_under_distinct_names_cost_no_comparisons()
    {
        var (result, work) = MergeWork(Aliases(10_000, i => $"a{i}: name"));
        Assert.True(result.IsValid);
        Assert.Equal(0, work);
    }

    private static (DocumentValidationResult Result, int Work) MergeWork(DocumentNode document)
    {
        OverlappingFieldsCanBeMergedRule? rule = null;
        var validator = new DocumentValidator(
            ValidationHarness.Pets,
            ValidationOptions.SpecificationOnly,
            [context => rule = new OverlappingFieldsCanBeMergedRule(context)]);
        var result = validator.Validate(document);
        return (result, rule!.WorkSpent);
    }

    [Fact]
    public void Ten_thousand_identical_fields_stop_at_the_work_budget_as_graphql_js_does()
    {
        var document = Aliases(10_000, _ => "name");
        var (result, milliseconds) = Time(document, ValidationOptions.SpecificationOnly);
        Assert.Equal("Validation aborted.", Assert.Single(result.Errors).Message);
        Assert.True(milliseconds < 5_000, $"took {milliseconds} ms");
    }

    [Fact]
    public void Nested_repeated_fragments_are_compared_once_per_pair()
    {
        // Each fragment selects the next twice under two aliases of the same field: naive merging is exponential.
        var builder = new StringBuilder("{ dog { ...F0 } }\n");
        for (int i = 0; i < 30; i++)
        {
            builder.Append($"fragment F{i} on Dog {{ mother {{ ...F{i + 1} }} mother {{ ...F{i + 1} }} }}\n");
        }

        builder.Append("fragment F30 on Dog { name }");
        var (result, milliseconds) = Time(Parser.Parse(builder.ToString()), ValidationOptions.SpecificationOnly);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.True(milliseconds < 5_000, $"took {milliseconds} ms");
    }
}
