using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.5.2.2 Fragment Spreads Must Not Form Cycles.</summary>
public sealed class NoFragmentCyclesRuleTests
{
    [Fact]
    public void Spreading_a_fragment_twice_without_a_cycle_is_valid()
    {
        ExpectSpecValid<NoFragmentCyclesRule>(
            "{ dog { ...A ...A } } fragment A on Dog { ...B ...B } fragment B on Dog { name }");
    }

    [Fact]
    public void A_cycle_of_two_fragments_is_reported_once_along_its_spreads()
    {
        ExpectSpecErrors<NoFragmentCyclesRule>(
            """
            {
              dog {
                ...nameFragment
              }
            }

            fragment nameFragment on Dog {
              name
              ...barkVolumeFragment
            }

            fragment barkVolumeFragment on Dog {
              barkVolume
              ...nameFragment
            }
            """,
            Error("Cannot spread fragment \"nameFragment\" within itself via \"barkVolumeFragment\".", (9, 3), (14, 3)));
    }

    [Fact]
    public void A_cycle_through_nested_fields_is_reported()
    {
        ExpectSpecErrors<NoFragmentCyclesRule>(
            """
            {
              dog {
                ...dogFragment
              }
            }

            fragment dogFragment on Dog {
              name
              owner {
                ...ownerFragment
              }
            }

            fragment ownerFragment on Human {
              name
              pets {
                ...dogFragment
              }
            }
            """,
            Error("Cannot spread fragment \"dogFragment\" within itself via \"ownerFragment\".", (10, 5), (17, 5)));
    }

    [Fact]
    public void A_fragment_spreading_itself_is_reported()
    {
        ExpectSpecErrors<NoFragmentCyclesRule>(
            "fragment A on Dog { ...A }",
            Error("Cannot spread fragment \"A\" within itself.", (1, 21)));
    }
}
