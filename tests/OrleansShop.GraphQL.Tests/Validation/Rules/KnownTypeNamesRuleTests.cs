using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.5.1.2 Fragment Spread Type Existence (and every other named type of a document).</summary>
public sealed class KnownTypeNamesRuleTests
{
    [Fact]
    public void Fragments_on_existing_types_are_valid()
    {
        ExpectSpecValid<KnownTypeNamesRule>(
            """
            fragment correctType on Dog {
              name
            }

            fragment inlineFragment on Dog {
              ... on Dog {
                name
              }
            }

            fragment inlineFragment2 on Dog {
              ... @include(if: true) {
                name
              }
            }
            """);
    }

    [Fact]
    public void Fragments_on_unknown_types_are_reported_at_the_type_name()
    {
        ExpectSpecErrors<KnownTypeNamesRule>(
            """
            fragment notOnExistingType on NotInSchema {
              name
            }

            fragment inlineNotExistingType on Dog {
              ... on NotInSchema {
                name
              }
            }
            """,
            Error("Unknown type \"NotInSchema\". Did you mean \"__Schema\"?", (1, 31)),
            Error("Unknown type \"NotInSchema\". Did you mean \"__Schema\"?", (6, 10)));
    }

    [Fact]
    public void Unknown_variable_types_are_reported_with_close_suggestions_only()
    {
        ExpectSpecErrors<KnownTypeNamesRule>(
            "query Q($a: Strin, $b: [Bool!], $c: ComplexInput) { dog { name } }",
            Error("Unknown type \"Strin\". Did you mean \"String\"?", (1, 13)),
            Error("Unknown type \"Bool\".", (1, 25)));
    }
}
