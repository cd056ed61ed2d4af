using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.5.1.4 Fragments Must Be Used.</summary>
public sealed class NoUnusedFragmentsRuleTests
{
    [Fact]
    public void An_unused_fragment_is_reported_at_its_definition()
    {
        ExpectSpecErrors<NoUnusedFragmentsRule>(
            """
            fragment nameFragment on Dog { # unused
              name
            }

            {
              dog {
                name
              }
            }
            """,
            Error("Fragment \"nameFragment\" is never used.", (1, 1)));
    }

    [Fact]
    public void Fragments_used_transitively_by_any_operation_are_used()
    {
        ExpectSpecValid<NoUnusedFragmentsRule>(
            """
            query A { dog { ...F } }
            query B { human { ...H } }
            fragment F on Dog { owner { ...H } }
            fragment H on Human { name }
            """);
    }

    [Fact]
    public void Fragments_used_only_by_unused_fragments_are_unused()
    {
        ExpectSpecErrors<NoUnusedFragmentsRule>(
            """
            { dog { name } }
            fragment Unused1 on Dog { ...Unused2 }
            fragment Unused2 on Dog { name }
            """,
            Error("Fragment \"Unused1\" is never used.", (2, 1)),
            Error("Fragment \"Unused2\" is never used.", (3, 1)));
    }
}
