using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.2.2.1 Lone Anonymous Operation.</summary>
public sealed class LoneAnonymousOperationRuleTests
{
    [Fact]
    public void A_single_anonymous_operation_is_valid()
    {
        ExpectSpecValid<LoneAnonymousOperationRule>(
            """
            {
              dog {
                name
              }
            }
            """);
    }

    [Fact]
    public void An_anonymous_operation_beside_a_named_one_is_reported()
    {
        ExpectSpecErrors<LoneAnonymousOperationRule>(
            """
            {
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
            Error("This anonymous operation must be the only defined operation.", (1, 1)));
    }

    [Fact]
    public void Every_anonymous_operation_among_several_is_reported()
    {
        ExpectSpecErrors<LoneAnonymousOperationRule>(
            """
            { dog { name } }
            mutation { mutateDog { name } }
            """,
            Error("This anonymous operation must be the only defined operation.", (1, 1)),
            Error("This anonymous operation must be the only defined operation.", (2, 1)));
    }

    [Fact]
    public void Fragments_do_not_count_as_operations()
    {
        ExpectSpecValid<LoneAnonymousOperationRule>("{ dog { ...F } } fragment F on Dog { name }");
    }
}
