using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.Tests.Validation;

/// <summary>The validator as the executor uses it: all rules in one walk, results kept per document.</summary>
public sealed class DocumentValidatorTests
{
    [Fact]
    public void A_valid_document_has_no_errors()
    {
        var result = DocumentValidator.Validate(
            ValidationHarness.Pets,
            Parser.Parse("query Q($id: ID) { human(id: $id) { name pets { ... on Dog { barks } ...PetName } } } fragment PetName on Pet { name }"));
        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Errors_of_every_rule_are_reported_in_one_walk_in_graphql_js_order()
    {
        var result = DocumentValidator.Validate(
            ValidationHarness.Pets,
            Parser.Parse("query Q($unused: Int) { dog { unknown name(surname: \"yes\") ...Missing } }"));
        Assert.Equal(
            [
                "Variable \"$unused\" is never used in operation \"Q\".",
                "Cannot query field \"unknown\" on type \"Dog\".",
                "Boolean cannot represent a non boolean value: \"yes\"",
                "Unknown fragment \"Missing\".",
            ],
            result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void The_same_document_instance_is_validated_once()
    {
        var validator = new DocumentValidator(ValidationHarness.Pets);
        var document = Parser.Parse("{ dog { unknown } }");
        var first = validator.Validate(document);
        Assert.Same(first, validator.Validate(document));
        Assert.NotSame(first, validator.Validate(Parser.Parse("{ dog { unknown } }")));
    }

    [Fact]
    public void A_validator_is_safe_to_share_between_threads()
    {
        var validator = new DocumentValidator(ValidationHarness.Pets);
        var documents = Enumerable.Range(0, 64)
            .Select(i => Parser.Parse($"query Q{i}($v: Boolean!) {{ dog {{ name @include(if: $v) x{i}: barks unknown{i} }} }}"))
            .ToArray();
        var results = new string[documents.Length];
        Parallel.For(0, documents.Length, i => results[i] = string.Join("|", validator.Validate(documents[i]).Errors.Select(e => e.Message)));
        for (int i = 0; i < documents.Length; i++)
        {
            Assert.StartsWith($"Cannot query field \"unknown{i}\" on type \"Dog\".", results[i], StringComparison.Ordinal);
            Assert.DoesNotContain("|", results[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Type_system_definitions_in_an_executable_document_are_reported_and_do_not_break_other_rules()
    {
        var result = DocumentValidator.Validate(
            ValidationHarness.Pets,
            Parser.Parse("{ dog { name } } type Extra { field: Strin @deprecated(reason: 1) } directive @local on FIELD"));
        Assert.Equal(
            [
                "The \"Extra\" definition is not executable.",
                "The \"local\" definition is not executable.",
                "Unknown type \"Strin\". Did you mean \"String\"?",
                "String cannot represent a non string value: 1",
            ],
            result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Descriptions_on_operations_and_variables_are_not_values()
    {
        var result = DocumentValidator.Validate(
            ValidationHarness.Pets,
            Parser.Parse("\"Finds a dog\" query Q(\"where\" $x: Int) { dog { isAtLocation(x: $x) } }"));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void The_full_introspection_query_passes_the_default_limits()
    {
        var result = DocumentValidator.Validate(ValidationHarness.Pets, Parser.Parse(OrleansShop.GraphQL.Introspection.IntrospectionQuery.Full));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.InRange(result.Statistics.MaxDepth, 10, 20);
        Assert.Equal(default, CostAnalyzer.Compute(ValidationHarness.Pets, Parser.Parse(OrleansShop.GraphQL.Introspection.IntrospectionQuery.Full)));
    }
}
