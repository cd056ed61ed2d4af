using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.4.2 Argument Uniqueness.</summary>
public sealed class UniqueArgumentNamesRuleTests
{
    [Fact]
    public void Distinct_arguments_are_valid()
    {
        ExpectSpecValid<UniqueArgumentNamesRule>("{ arguments { multipleRequirements(x: 1, y: 2) } dog { name @include(if: true) } }");
    }

    [Fact]
    public void A_repeated_field_argument_is_reported_at_every_occurrence()
    {
        ExpectSpecErrors<UniqueArgumentNamesRule>(
            "{ arguments { multipleRequirements(x: 1, x: 2, x: 3, y: 4) } }",
            Error("There can be only one argument named \"x\".", (1, 36), (1, 42), (1, 48)));
    }

    [Fact]
    public void A_repeated_directive_argument_is_reported()
    {
        ExpectSpecErrors<UniqueArgumentNamesRule>(
            "{ dog { name @include(if: true, if: false) } }",
            Error("There can be only one argument named \"if\".", (1, 23), (1, 33)));
    }
}
