using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.8.5 All Variable Usages Are Allowed, with the default-value exception and OneOf non-null variables.</summary>
public sealed class VariablesInAllowedPositionRuleTests
{
    [Fact]
    public void Types_must_match()
    {
        ExpectSpecErrors<VariablesInAllowedPositionRule>(
            """
            query intCannotGoIntoBoolean($intArg: Int) {
              arguments {
                booleanArgField(booleanArg: $intArg)
              }
            }
            """,
            Error("Variable \"$intArg\" of type \"Int\" used in position expecting type \"Boolean\".", (1, 30), (3, 33)));
    }

    [Fact]
    public void A_list_cannot_go_into_a_single_value()
    {
        ExpectSpecErrors<VariablesInAllowedPositionRule>(
            """
            query booleanListCannotGoIntoBoolean($booleanListArg: [Boolean]) {
              arguments {
                booleanArgField(booleanArg: $booleanListArg)
              }
            }
            """,
            Error("Variable \"$booleanListArg\" of type \"[Boolean]\" used in position expecting type \"Boolean\".", (1, 38), (3, 33)));
    }

    [Fact]
    public void A_nullable_variable_cannot_go_into_a_non_null_argument()
    {
        ExpectSpecErrors<VariablesInAllowedPositionRule>(
            """
            query booleanArgQuery($booleanArg: Boolean) {
              arguments {
                nonNullBooleanArgField(nonNullBooleanArg: $booleanArg)
              }
            }
            """,
            Error("Variable \"$booleanArg\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 23), (3, 47)));
    }

    [Fact]
    public void A_non_null_list_goes_into_a_nullable_list_but_not_the_reverse()
    {
        ExpectSpecValid<VariablesInAllowedPositionRule>(
            """
            query nonNullListToList($nonNullBooleanList: [Boolean]!) {
              arguments {
                booleanListArgField(booleanListArg: $nonNullBooleanList)
              }
            }
            """);
        ExpectSpecErrors<VariablesInAllowedPositionRule>(
            """
            query listToNonNullList($booleanList: [Boolean]) {
              arguments {
                nonNullBooleanListField(nonNullBooleanListArg: $booleanList)
              }
            }
            """,
            Error("Variable \"$booleanList\" of type \"[Boolean]\" used in position expecting type \"[Boolean]!\".", (1, 25), (3, 52)));
    }

    [Fact]
    public void A_nullable_variable_may_fill_a_non_null_argument_that_has_a_default()
    {
        ExpectSpecValid<VariablesInAllowedPositionRule>(
            """
            query booleanArgQueryWithDefault($booleanArg: Boolean) {
              arguments {
                optionalNonNullBooleanArgField(optionalBooleanArg: $booleanArg)
              }
            }
            """);
    }

    [Fact]
    public void A_nullable_variable_with_a_non_null_default_may_fill_a_non_null_argument()
    {
        ExpectSpecValid<VariablesInAllowedPositionRule>(
            """
            query booleanArgQueryWithDefault($booleanArg: Boolean = true) {
              arguments {
                nonNullBooleanArgField(nonNullBooleanArg: $booleanArg)
              }
            }
            """);
        ExpectSpecErrors<VariablesInAllowedPositionRule>(
            "query Q($b: Boolean = null) { arguments { nonNullBooleanArgField(nonNullBooleanArg: $b) } }",
            Error("Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 9), (1, 85)));
    }

    [Fact]
    public void Usages_in_fragments_are_checked_against_each_operation()
    {
        ExpectSpecErrors<VariablesInAllowedPositionRule>(
            """
            query A($b: Boolean!) { arguments { ...F } }
            query B($b: Boolean) { arguments { ...F } }
            fragment F on Arguments { nonNullBooleanArgField(nonNullBooleanArg: $b) }
            """,
            Error("Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (2, 9), (3, 69)));
    }

    [Fact]
    public void A_variable_given_to_a_oneof_field_must_be_non_null()
    {
        ExpectSpecValid<VariablesInAllowedPositionRule>("query Q($name: String!) { findDogBy(searchBy: { name: $name }) { name } }");
        ExpectSpecErrors<VariablesInAllowedPositionRule>(
            "query Q($name: String) { findDogBy(searchBy: { name: $name }) { name } }",
            Error("Variable \"$name\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"FindDogInput\".", (1, 9), (1, 54)));
    }

    [Fact]
    public void Variables_in_list_items_are_checked_against_the_item_type()
    {
        ExpectSpecErrors<VariablesInAllowedPositionRule>(
            "query Q($b: Boolean) { booleanList(booleanListArg: [$b]) }",
            Error("Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 9), (1, 53)));
    }
}
