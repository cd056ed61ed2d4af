using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.2.1.1 Operation Name Uniqueness.</summary>
public sealed class UniqueOperationNamesRuleTests
{
    [Fact]
    public void Differently_named_operations_are_valid()
    {
        ExpectSpecValid<UniqueOperationNamesRule>(
            """
            query getDogName {
              dog {
                name
              }
            }

            query getOwnerName {
              dog {
                owner {
                  name
                }
              }
            }
            """);
    }

    [Fact]
    public void Two_operations_with_one_name_are_reported_at_both_names()
    {
        ExpectSpecErrors<UniqueOperationNamesRule>(
            """
            query getName {
              dog {
                name
              }
            }

            query getName {
              dog {
                owner {
                  name
                }
              }
            }
            """,
            Error("There can be only one operation named \"getName\".", (1, 7), (7, 7)));
    }

    [Fact]
    public void Names_must_be_unique_even_across_operation_types()
    {
        ExpectSpecErrors<UniqueOperationNamesRule>(
            """
            query dogOperation {
              dog {
                name
              }
            }

            mutation dogOperation {
              mutateDog {
                id
              }
            }
            """,
            Error("There can be only one operation named \"dogOperation\".", (1, 7), (7, 10)));
    }

    [Fact]
    public void A_fragment_may_share_an_operation_name()
    {
        ExpectSpecValid<UniqueOperationNamesRule>("query Foo { dog { ...Foo } } fragment Foo on Dog { name }");
    }
}
