using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.5.1.3 Fragments On Composite Types.</summary>
public sealed class FragmentsOnCompositeTypesRuleTests
{
    [Fact]
    public void Fragments_on_objects_interfaces_and_unions_are_valid()
    {
        ExpectSpecValid<FragmentsOnCompositeTypesRule>(
            """
            fragment fragOnObject on Dog {
              name
            }

            fragment fragOnInterface on Pet {
              name
            }

            fragment fragOnUnion on CatOrDog {
              ... on Dog {
                name
              }
            }
            """);
    }

    [Fact]
    public void Fragments_on_scalars_are_reported_at_the_type_condition()
    {
        ExpectSpecErrors<FragmentsOnCompositeTypesRule>(
            """
            fragment fragOnScalar on Int {
              something
            }

            fragment inlineFragOnScalar on Dog {
              ... on Boolean {
                somethingElse
              }
            }
            """,
            Error("Fragment \"fragOnScalar\" cannot condition on non composite type \"Int\".", (1, 26)),
            Error("Fragment cannot condition on non composite type \"Boolean\".", (6, 10)));
    }

    [Fact]
    public void Fragments_on_input_objects_and_enums_are_reported()
    {
        ExpectSpecErrors<FragmentsOnCompositeTypesRule>(
            "fragment F on ComplexInput { name } fragment G on DogCommand { x }",
            Error("Fragment \"F\" cannot condition on non composite type \"ComplexInput\".", (1, 15)),
            Error("Fragment \"G\" cannot condition on non composite type \"DogCommand\".", (1, 51)));
    }
}
