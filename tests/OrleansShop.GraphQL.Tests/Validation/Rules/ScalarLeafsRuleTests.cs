using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.3.3 Leaf Field Selections.</summary>
public sealed class ScalarLeafsRuleTests
{
    [Fact]
    public void A_scalar_without_selection_is_valid()
    {
        ExpectSpecValid<ScalarLeafsRule>(
            """
            fragment scalarSelection on Dog {
              barkVolume
            }
            """);
    }

    [Fact]
    public void A_selection_on_a_scalar_is_reported_at_the_selection_set()
    {
        ExpectSpecErrors<ScalarLeafsRule>(
            """
            fragment scalarSelectionsNotAllowedOnInt on Dog {
              barkVolume {
                sinceWhen
              }
            }
            """,
            Error("Field \"barkVolume\" must not have a selection since type \"Int\" has no subfields.", (2, 14)));
    }

    [Fact]
    public void Objects_interfaces_and_unions_without_subfields_are_reported()
    {
        ExpectSpecErrors<ScalarLeafsRule>(
            """
            query directQueryOnObjectWithoutSubFields {
              human
            }

            query directQueryOnInterfaceWithoutSubFields {
              pet
            }

            query directQueryOnUnionWithoutSubFields {
              catOrDog
            }
            """,
            Error("Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"?", (2, 3)),
            Error("Field \"pet\" of type \"Pet\" must have a selection of subfields. Did you mean \"pet { ... }\"?", (6, 3)),
            Error("Field \"catOrDog\" of type \"CatOrDog\" must have a selection of subfields. Did you mean \"catOrDog { ... }\"?", (10, 3)));
    }

    [Fact]
    public void The_wrapped_type_is_quoted_in_the_message()
    {
        ExpectSpecErrors<ScalarLeafsRule>(
            "{ human { pets } dog { name { x } } }",
            Error("Field \"pets\" of type \"[Pet!]\" must have a selection of subfields. Did you mean \"pets { ... }\"?", (1, 11)),
            Error("Field \"name\" must not have a selection since type \"String!\" has no subfields.", (1, 29)));
    }
}
