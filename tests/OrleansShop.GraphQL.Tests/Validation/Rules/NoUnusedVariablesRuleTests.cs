using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.8.4 All Variables Used.</summary>
public sealed class NoUnusedVariablesRuleTests
{
    [Fact]
    public void An_unused_variable_is_reported_at_its_definition()
    {
        ExpectSpecErrors<NoUnusedVariablesRule>(
            """
            query variableUnused($atOtherHomes: Boolean) {
              dog {
                isHouseTrained
              }
            }
            """,
            Error("Variable \"$atOtherHomes\" is never used in operation \"variableUnused\".", (1, 22)));
    }

    [Fact]
    public void A_variable_used_in_a_fragment_is_used()
    {
        ExpectSpecValid<NoUnusedVariablesRule>(
            """
            query variableUsedInFragment($atOtherHomes: Boolean) {
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
    public void A_fragment_without_the_variable_does_not_use_it()
    {
        ExpectSpecErrors<NoUnusedVariablesRule>(
            """
            query variableNotUsedWithinFragment($atOtherHomes: Boolean) {
              dog {
                ...isHouseTrainedWithoutVariableFragment
              }
            }

            fragment isHouseTrainedWithoutVariableFragment on Dog {
              isHouseTrained
            }
            """,
            Error("Variable \"$atOtherHomes\" is never used in operation \"variableNotUsedWithinFragment\".", (1, 37)));
    }

    [Fact]
    public void Each_operation_must_use_all_of_its_variables()
    {
        ExpectSpecErrors<NoUnusedVariablesRule>(
            """
            query queryWithUsedVar($atOtherHomes: Boolean) {
              dog {
                ...isHouseTrainedFragment
              }
            }

            query queryWithExtraVar($atOtherHomes: Boolean, $extra: Int) {
              dog {
                ...isHouseTrainedFragment
              }
            }

            fragment isHouseTrainedFragment on Dog {
              isHouseTrained(atOtherHomes: $atOtherHomes)
            }
            """,
            Error("Variable \"$extra\" is never used in operation \"queryWithExtraVar\".", (7, 49)));
    }

    [Fact]
    public void Variables_used_in_directives_are_used()
    {
        ExpectSpecValid<NoUnusedVariablesRule>("query Q($b: Boolean!) { dog @include(if: $b) { name } }");
    }
}
