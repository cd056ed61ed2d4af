using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.5.1.1 Fragment Name Uniqueness.</summary>
public sealed class UniqueFragmentNamesRuleTests
{
    [Fact]
    public void Distinct_fragment_names_are_valid()
    {
        ExpectSpecValid<UniqueFragmentNamesRule>(
            """
            {
              dog {
                ...fragmentOne
                ...fragmentTwo
              }
            }

            fragment fragmentOne on Dog {
              name
            }

            fragment fragmentTwo on Dog {
              owner {
                name
              }
            }
            """);
    }

    [Fact]
    public void A_repeated_fragment_name_is_reported_at_both_names()
    {
        ExpectSpecErrors<UniqueFragmentNamesRule>(
            """
            {
              dog {
                ...fragmentOne
              }
            }

            fragment fragmentOne on Dog {
              name
            }

            fragment fragmentOne on Dog {
              owner {
                name
              }
            }
            """,
            Error("There can be only one fragment named \"fragmentOne\".", (7, 10), (11, 10)));
    }

    [Fact]
    public void Inline_fragments_are_not_definitions()
    {
        ExpectSpecValid<UniqueFragmentNamesRule>("{ dog { ... on Dog { name } ... on Dog { nickname } } }");
    }
}
