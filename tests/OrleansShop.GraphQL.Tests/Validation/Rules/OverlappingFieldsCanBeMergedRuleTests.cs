using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.3.2 Field Selection Merging.</summary>
public sealed class OverlappingFieldsCanBeMergedRuleTests
{
    private const string Advice = " Use different aliases on the fields to fetch both if this was intentional.";

    [Fact]
    public void Identical_fields_and_identical_aliases_merge()
    {
        ExpectSpecValid<OverlappingFieldsCanBeMergedRule>(
            """
            fragment mergeIdenticalFields on Dog {
              name
              name
            }

            fragment mergeIdenticalAliasesAndFields on Dog {
              otherName: name
              otherName: name
            }
            """);
    }

    [Fact]
    public void An_alias_hiding_another_field_conflicts()
    {
        ExpectSpecErrors<OverlappingFieldsCanBeMergedRule>(
            """
            fragment conflictingBecauseAlias on Dog {
              name: nickname
              name
            }
            """,
            Error("Fields \"name\" conflict because \"nickname\" and \"name\" are different fields." + Advice, (2, 3), (3, 3)));
    }

    [Fact]
    public void Identical_arguments_values_and_variables_merge()
    {
        ExpectSpecValid<OverlappingFieldsCanBeMergedRule>(
            """
            fragment mergeIdenticalFieldsWithIdenticalArgs on Dog {
              doesKnowCommand(dogCommand: SIT)
              doesKnowCommand(dogCommand: SIT)
            }

            fragment mergeIdenticalFieldsWithIdenticalValues on Dog {
              doesKnowCommand(dogCommand: $dogCommand)
              doesKnowCommand(dogCommand: $dogCommand)
            }
            """);
    }

    [Fact]
    public void Differing_arguments_conflict()
    {
        ExpectSpecErrors<OverlappingFieldsCanBeMergedRule>(
            """
            fragment conflictingArgsOnValues on Dog {
              doesKnowCommand(dogCommand: SIT)
              doesKnowCommand(dogCommand: HEEL)
            }

            fragment conflictingArgsValueAndVar on Dog {
              doesKnowCommand(dogCommand: SIT)
              doesKnowCommand(dogCommand: $dogCommand)
            }

            fragment conflictingArgsWithVars on Dog {
              doesKnowCommand(dogCommand: $varOne)
              doesKnowCommand(dogCommand: $varTwo)
            }

            fragment differingArgs on Dog {
              doesKnowCommand(dogCommand: SIT)
              doesKnowCommand
            }
            """,
            Error("Fields \"doesKnowCommand\" conflict because they have differing arguments." + Advice, (2, 3), (3, 3)),
            Error("Fields \"doesKnowCommand\" conflict because they have differing arguments." + Advice, (7, 3), (8, 3)),
            Error("Fields \"doesKnowCommand\" conflict because they have differing arguments." + Advice, (12, 3), (13, 3)),
            Error("Fields \"doesKnowCommand\" conflict because they have differing arguments." + Advice, (17, 3), (18, 3)));
    }

    [Fact]
    public void Object_fields_in_any_order_are_the_same_argument()
    {
        ExpectSpecValid<OverlappingFieldsCanBeMergedRule>(
            """
            { findDog(complex: { name: "a", owner: "b" }) { name } findDog(complex: { owner: "b", name: "a" }) { name } }
            """);
    }

    [Fact]
    public void Different_fields_on_distinct_object_types_are_safe()
    {
        ExpectSpecValid<OverlappingFieldsCanBeMergedRule>(
            """
            fragment safeDifferingFields on Pet {
              ... on Dog {
                volume: barkVolume
              }
              ... on Cat {
                volume: meowVolume
              }
            }

            fragment safeDifferingArgs on Pet {
              ... on Dog {
                doesKnowCommand(dogCommand: SIT)
              }
              ... on Cat {
                doesKnowCommand(catCommand: JUMP)
              }
            }
            """);
    }

    [Fact]
    public void Differing_response_shapes_conflict_even_on_distinct_object_types()
    {
        ExpectSpecErrors<OverlappingFieldsCanBeMergedRule>(
            """
            fragment conflictingDifferingResponses on Pet {
              ... on Dog {
                someValue: nickname
              }
              ... on Cat {
                someValue: meowVolume
              }
            }
            """,
            Error("Fields \"someValue\" conflict because they return conflicting types \"String\" and \"Int\"." + Advice, (3, 5), (6, 5)));
    }

    [Fact]
    public void Conflicts_between_fragments_are_found()
    {
        ExpectSpecErrors<OverlappingFieldsCanBeMergedRule>(
            """
            {
              dog {
                ...A
                ...B
              }
            }
            fragment A on Dog { x: name }
            fragment B on Dog { x: nickname }
            """,
            Error("Fields \"x\" conflict because \"name\" and \"nickname\" are different fields." + Advice, (7, 21), (8, 21)));
    }

    [Fact]
    public void Deep_conflicts_name_the_subfields_and_every_field_on_the_path()
    {
        ExpectSpecErrors<OverlappingFieldsCanBeMergedRule>(
            """
            {
              dog {
                owner { x: name }
                owner { x: pets { name } }
              }
            }
            """,
            Error(
                "Fields \"owner\" conflict because subfields \"x\" conflict because \"name\" and \"pets\" are different fields." + Advice,
                (3, 5), (3, 13), (4, 5), (4, 13)));
    }

    [Fact]
    public void Nullability_differences_conflict()
    {
        ExpectSpecErrors<OverlappingFieldsCanBeMergedRule>(
            """
            { catOrDog { ... on Dog { n: name } ... on Cat { n: nickname } } }
            """,
            Error("Fields \"n\" conflict because they return conflicting types \"String!\" and \"String\"." + Advice, (1, 27), (1, 50)));
    }

    [Fact]
    public void Each_fragment_pair_is_compared_once()
    {
        // Many spreads of two conflicting fragments report the conflict once, not once per spread pair.
        ExpectSpecErrors<OverlappingFieldsCanBeMergedRule>(
            "{ dog { ...A ...B ...A ...B ...A ...B } } fragment A on Dog { x: name } fragment B on Dog { x: nickname }",
            Error("Fields \"x\" conflict because \"name\" and \"nickname\" are different fields." + Advice, (1, 63), (1, 93)));
    }
}
