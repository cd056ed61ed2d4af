using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.5.2.1 Fragment Spread Target Defined.</summary>
public sealed class KnownFragmentNamesRuleTests
{
    [Fact]
    public void Spreads_of_defined_fragments_are_valid()
    {
        ExpectSpecValid<KnownFragmentNamesRule>("{ dog { ...F ... on Dog { ...F } } } fragment F on Dog { name }");
    }

    [Fact]
    public void A_spread_of_an_undefined_fragment_is_reported_at_its_name()
    {
        ExpectSpecErrors<KnownFragmentNamesRule>(
            """
            {
              dog {
                ...undefinedFragment
              }
            }
            """,
            Error("Unknown fragment \"undefinedFragment\".", (3, 8)));
    }
}
