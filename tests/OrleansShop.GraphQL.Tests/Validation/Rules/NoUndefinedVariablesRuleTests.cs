using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.8.3 All Variable Uses Defined.</summary>
public sealed class NoUndefinedVariablesRuleTests
{
    [Fact]
    public void A_variable_defined_by_the_operation_is_valid_directly_and_in_fragments()
    {
        ExpectSpecValid<NoUndefinedVariablesRule>(
            """
            query variableIsDefined($atOtherHomes: Boolean) {
              dog {
                isHouseTrained(atOtherHomes: $atOtherHomes)
              }
            }

            query variableIsDefinedUsedInSingleFragment($atOtherHomes: Boolean) {
              dog {
                ...isHouseTrainedFragment
              }
            }

            fragment isHouseTrainedFragment on Dog {
              isHouseTrained(atOtherHomes: $atOtherHomes)
            }
            """);
    }

    [Fact]
    public void An_undefined_variable_is_reported_at_the_usage_and_the_operation()
    {
        ExpectSpecErrors<NoUndefinedVariablesRule>(
            """
            query variableIsNotDefined {
              dog {
                isHouseTrained(atOtherHomes: $atOtherHomes)
              }
            }
            """,
            Error("Variable \"$atOtherHomes\" is not defined by operation \"variableIsNotDefined\".", (3, 34), (1, 1)));
    }

    [Fact]
    public void Undefined_variables_in_nested_fragments_are_reported()
    {
        ExpectSpecErrors<NoUndefinedVariablesRule>(
            """
            query variableIsNotDefinedUsedInNestedFragment {
              dog {
                ...outerHouseTrainedFragment
              }
            }

            fragment outerHouseTrainedFragment on Dog {
              ...isHouseTrainedFragment
            }

            fragment isHouseTrainedFragment on Dog {
              isHouseTrained(atOtherHomes: $atOtherHomes)
            }
            """,
            Error("Variable \"$atOtherHomes\" is not defined by operation \"variableIsNotDefinedUsedInNestedFragment\".", (12, 32), (1, 1)));
    }

    [Fact]
    public void Every_operation_using_the_fragment_must_define_the_variable()
    {
        ExpectSpecErrors<NoUndefinedVariablesRule>(
            """
            query houseTrainedQueryOne($atOtherHomes: Boolean) {
              dog {
                ...isHouseTrainedFragment
              }
            }

            query houseTrainedQueryTwoNotDefined {
              dog {
                ...isHouseTrainedFragment
              }
            }

            fragment isHouseTrainedFragment on Dog {
              isHouseTrained(atOtherHomes: $atOtherHomes)
            }
            """,
            Error("Variable \"$atOtherHomes\" is not defined by operation \"houseTrainedQueryTwoNotDefined\".", (14, 32), (7, 1)));
    }

    [Fact]
    public void An_anonymous_operation_is_not_named_in_the_message()
    {
        ExpectSpecErrors<NoUndefinedVariablesRule>(
            "{ dog { isHouseTrained(atOtherHomes: $x) } }",
            Error("Variable \"$x\" is not defined.", (1, 38), (1, 1)));
    }
}
