using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.4.2.1 Required Arguments.</summary>
public sealed class ProvidedRequiredArgumentsRuleTests
{
    [Fact]
    public void Given_and_optional_arguments_are_valid()
    {
        ExpectSpecValid<ProvidedRequiredArgumentsRule>(
            """
            fragment goodBooleanArg on Arguments {
              booleanArgField(booleanArg: true)
            }

            fragment goodNonNullArg on Arguments {
              nonNullBooleanArgField(nonNullBooleanArg: true)
            }

            fragment goodBooleanArgDefault on Arguments {
              booleanArgField
            }

            fragment nonNullWithDefault on Arguments {
              optionalNonNullBooleanArgField
            }
            """);
    }

    [Fact]
    public void A_missing_required_argument_is_reported_at_the_field()
    {
        ExpectSpecErrors<ProvidedRequiredArgumentsRule>(
            """
            fragment missingRequiredArg on Arguments {
              nonNullBooleanArgField
            }
            """,
            Error("Argument \"Arguments.nonNullBooleanArgField(nonNullBooleanArg:)\" of type \"Boolean!\" is required, but it was not provided.", (2, 3)));
    }

    [Fact]
    public void Each_missing_argument_is_reported()
    {
        ExpectSpecErrors<ProvidedRequiredArgumentsRule>(
            "{ arguments { multipleRequirements } }",
            Error("Argument \"Arguments.multipleRequirements(x:)\" of type \"Int!\" is required, but it was not provided.", (1, 15)),
            Error("Argument \"Arguments.multipleRequirements(y:)\" of type \"Int!\" is required, but it was not provided.", (1, 15)));
    }

    [Fact]
    public void A_missing_required_directive_argument_is_reported_at_the_directive()
    {
        ExpectSpecErrors<ProvidedRequiredArgumentsRule>(
            "{ dog { name @include @skip } }",
            Error("Argument \"@include(if:)\" of type \"Boolean!\" is required, but it was not provided.", (1, 14)),
            Error("Argument \"@skip(if:)\" of type \"Boolean!\" is required, but it was not provided.", (1, 23)));
    }

    [Fact]
    public void An_explicit_null_is_left_to_values_of_correct_type()
    {
        ExpectSpecValid<ProvidedRequiredArgumentsRule>(
            """
            fragment missingRequiredArg on Arguments {
              nonNullBooleanArgField(nonNullBooleanArg: null)
            }
            """);
        ExpectSpecErrors<ValuesOfCorrectTypeRule>(
            """
            fragment missingRequiredArg on Arguments {
              nonNullBooleanArgField(nonNullBooleanArg: null)
            }
            """,
            Error("Expected value of non-null type \"Boolean!\" not to be null.", (2, 45)));
    }
}
