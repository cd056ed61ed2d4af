using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.5.2.3 Fragment Spread Is Possible.</summary>
public sealed class PossibleFragmentSpreadsRuleTests
{
    [Fact]
    public void Object_spreads_in_object_scope_must_be_the_same_type()
    {
        ExpectSpecValid<PossibleFragmentSpreadsRule>(
            """
            fragment dogFragment on Dog {
              ... on Dog {
                barkVolume
              }
            }
            """);
        ExpectSpecErrors<PossibleFragmentSpreadsRule>(
            """
            fragment catInDogFragmentInvalid on Dog {
              ... on Cat {
                meowVolume
              }
            }
            """,
            Error("Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\".", (2, 3)));
    }

    [Fact]
    public void Abstract_spreads_in_object_scope_are_valid_when_the_object_belongs()
    {
        ExpectSpecValid<PossibleFragmentSpreadsRule>(
            """
            fragment petNameFragment on Pet {
              name
            }

            fragment interfaceWithinObjectFragment on Dog {
              ...petNameFragment
            }

            fragment catOrDogNameFragment on CatOrDog {
              ... on Cat {
                meowVolume
              }
            }

            fragment unionWithObjectFragment on Dog {
              ...catOrDogNameFragment
            }
            """);
    }

    [Fact]
    public void Object_spreads_in_abstract_scope_must_be_possible_types()
    {
        ExpectSpecValid<PossibleFragmentSpreadsRule>(
            """
            fragment petFragment on Pet {
              name
              ... on Dog {
                barkVolume
              }
            }

            fragment catOrDogFragment on CatOrDog {
              ... on Cat {
                meowVolume
              }
            }
            """);
        ExpectSpecErrors<PossibleFragmentSpreadsRule>(
            """
            fragment sentientFragment on Sentient {
              ... on Dog {
                barkVolume
              }
            }

            fragment humanOrAlienFragment on HumanOrAlien {
              ... on Cat {
                meowVolume
              }
            }
            """,
            Error("Fragment cannot be spread here as objects of type \"Sentient\" can never be of type \"Dog\".", (2, 3)),
            Error("Fragment cannot be spread here as objects of type \"HumanOrAlien\" can never be of type \"Cat\".", (8, 3)));
    }

    [Fact]
    public void Abstract_spreads_in_abstract_scope_need_a_common_object_type()
    {
        ExpectSpecValid<PossibleFragmentSpreadsRule>(
            """
            fragment unionWithInterface on Pet {
              ...dogOrHumanFragment
            }

            fragment dogOrHumanFragment on DogOrHuman {
              ... on Dog {
                barkVolume
              }
            }
            """);
        ExpectSpecErrors<PossibleFragmentSpreadsRule>(
            """
            fragment nonIntersectingInterfaces on Pet {
              ...sentientFragment
            }

            fragment sentientFragment on Sentient {
              name
            }
            """,
            Error("Fragment \"sentientFragment\" cannot be spread here as objects of type \"Pet\" can never be of type \"Sentient\".", (2, 3)));
    }

    [Fact]
    public void An_interface_spreads_into_an_interface_it_implements()
    {
        var schema = OrleansShop.GraphQL.Building.SchemaBuilder.FromSdl(
            """
            type Query { node: Node }
            interface Node { id: ID! }
            interface Resource implements Node { id: ID! url: String }
            type Page implements Resource & Node { id: ID! url: String }
            """).Create();
        ExpectValid<PossibleFragmentSpreadsRule>(
            """
            fragment interfaceWithInterface on Node {
              ...resourceFragment
            }

            fragment resourceFragment on Resource {
              url
            }
            """,
            schema);
    }
}
