using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.7.3 Directives Are Unique Per Location.</summary>
public sealed class UniqueDirectivesPerLocationRuleTests
{
    [Fact]
    public void The_same_directive_twice_at_one_location_is_reported()
    {
        ExpectSpecErrors<UniqueDirectivesPerLocationRule>(
            """
            query ($foo: Boolean = true, $bar: Boolean = false) {
              field @skip(if: $foo) @skip(if: $bar)
            }
            """,
            Error("The directive \"@skip\" can only be used once at this location.", (2, 9), (2, 25)));
    }

    [Fact]
    public void The_same_directive_at_different_locations_is_valid()
    {
        ExpectSpecValid<UniqueDirectivesPerLocationRule>(
            """
            query ($foo: Boolean = true, $bar: Boolean = false) {
              field @skip(if: $foo) {
                subfieldA
              }
              field @skip(if: $bar) {
                subfieldB
              }
            }
            """);
    }

    [Fact]
    public void A_repeatable_directive_may_repeat()
    {
        ExpectValid<UniqueDirectivesPerLocationRule>("query Q @repeatable @repeatable { dog @repeatable @repeatable { name } }");
    }

    [Fact]
    public void Every_repetition_is_reported_against_the_first()
    {
        ExpectErrors<UniqueDirectivesPerLocationRule>(
            "{ dog { name @onField @onField @onField } }",
            Error("The directive \"@onField\" can only be used once at this location.", (1, 14), (1, 23)),
            Error("The directive \"@onField\" can only be used once at this location.", (1, 14), (1, 32)));
    }
}
