using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.7.1 Directives Are Defined and 5.7.2 Directives Are In Valid Locations.</summary>
public sealed class KnownDirectivesRuleTests
{
    [Fact]
    public void Known_directives_in_their_locations_are_valid()
    {
        ExpectValid<KnownDirectivesRule>(
            """
            query Q($v: Int @onVariableDefinition) @onQuery {
              dog @include(if: true) { name @onField }
              ... @onInlineFragment { dog { name } }
              ...F @onFragmentSpread
            }
            fragment F on QueryRoot @onFragmentDefinition { dog { name } }
            subscription S @onSubscription { newMessage { body } }
            """);
    }

    [Fact]
    public void An_unknown_directive_is_reported()
    {
        ExpectErrors<KnownDirectivesRule>(
            "{ dog @unknown { name } }",
            Error("Unknown directive \"@unknown\".", (1, 7)));
    }

    [Fact]
    public void Skip_on_a_query_is_in_the_wrong_location()
    {
        ExpectSpecErrors<KnownDirectivesRule>(
            """
            query @skip(if: $foo) {
              field
            }
            """,
            Error("Directive \"@skip\" may not be used on QUERY.", (1, 7)));
    }

    [Fact]
    public void Each_misplaced_directive_names_its_location()
    {
        ExpectErrors<KnownDirectivesRule>(
            """
            query Q($v: Int @onField) @onField {
              dog @onQuery { name }
              ... @onFragmentSpread { dog { name } }
              ...F @onInlineFragment
            }
            fragment F on QueryRoot @onQuery { dog { name } }
            """,
            Error("Directive \"@onField\" may not be used on VARIABLE_DEFINITION.", (1, 17)),
            Error("Directive \"@onField\" may not be used on QUERY.", (1, 27)),
            Error("Directive \"@onQuery\" may not be used on FIELD.", (2, 7)),
            Error("Directive \"@onFragmentSpread\" may not be used on INLINE_FRAGMENT.", (3, 7)),
            Error("Directive \"@onInlineFragment\" may not be used on FRAGMENT_SPREAD.", (4, 8)),
            Error("Directive \"@onQuery\" may not be used on FRAGMENT_DEFINITION.", (6, 25)));
    }
}
