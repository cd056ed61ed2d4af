using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.4.1 Argument Names, on fields and directives.</summary>
public sealed class KnownArgumentNamesRuleTests
{
    [Fact]
    public void Defined_arguments_are_valid()
    {
        ExpectSpecValid<KnownArgumentNamesRule>(
            """
            fragment argOnRequiredArg on Dog {
              doesKnowCommand(dogCommand: SIT)
            }

            fragment argOnOptional on Dog {
              isHouseTrained(atOtherHomes: true) @include(if: true)
            }
            """);
    }

    [Fact]
    public void An_unknown_field_argument_is_reported_with_the_field_coordinate()
    {
        ExpectSpecErrors<KnownArgumentNamesRule>(
            """
            fragment invalidArgName on Dog {
              doesKnowCommand(command: CLEAN_UP_HOUSE)
            }
            """,
            Error("Unknown argument \"command\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", (2, 19)));
    }

    [Fact]
    public void An_unknown_directive_argument_is_reported()
    {
        ExpectSpecErrors<KnownArgumentNamesRule>(
            """
            fragment invalidArgName on Dog {
              isHouseTrained(atOtherHomes: true) @include(unless: false)
            }
            """,
            Error("Unknown argument \"unless\" on directive \"@include\".", (2, 47)));
    }

    [Fact]
    public void Arguments_in_any_order_are_valid()
    {
        ExpectSpecValid<KnownArgumentNamesRule>(
            """
            fragment multipleArgs on Arguments {
              multipleRequirements(x: 1, y: 2)
            }

            fragment multipleArgsReverseOrder on Arguments {
              multipleRequirements(y: 2, x: 1)
            }
            """);
    }

    [Fact]
    public void Arguments_of_unknown_fields_and_directives_are_left_to_other_rules()
    {
        ExpectSpecValid<KnownArgumentNamesRule>("{ dog { unknown(a: 1) name @unknown(b: 2) } }");
    }
}
