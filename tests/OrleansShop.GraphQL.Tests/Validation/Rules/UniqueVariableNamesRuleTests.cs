using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.8.1 Variable Uniqueness.</summary>
public sealed class UniqueVariableNamesRuleTests
{
    [Fact]
    public void A_variable_defined_twice_is_reported_at_both_names()
    {
        ExpectSpecErrors<UniqueVariableNamesRule>(
            """
            query houseTrainedQuery($atOtherHomes: Boolean, $atOtherHomes: Boolean) {
              dog {
                isHouseTrained(atOtherHomes: $atOtherHomes)
              }
            }
            """,
            Error("There can be only one variable named \"$atOtherHomes\".", (1, 26), (1, 50)));
    }

    [Fact]
    public void Operations_may_each_define_the_same_variable()
    {
        ExpectSpecValid<UniqueVariableNamesRule>(
            """
            query A($atOtherHomes: Boolean) {
              ...HouseTrainedFragment
            }

            query B($atOtherHomes: Boolean) {
              ...HouseTrainedFragment
            }

            fragment HouseTrainedFragment on Query {
              dog {
                isHouseTrained(atOtherHomes: $atOtherHomes)
              }
            }
            """);
    }
}
