using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.2.1 (2025): operation types must exist in the schema.</summary>
public sealed class KnownOperationTypesRuleTests
{
    [Fact]
    public void Query_mutation_and_subscription_are_known_when_the_schema_has_their_roots()
    {
        ExpectSpecValid<KnownOperationTypesRule>(
            """
            query { dog { name } }
            mutation { mutateDog { name } }
            subscription { newMessage { body } }
            """);
    }

    [Fact]
    public void A_mutation_on_a_schema_without_mutation_type_is_reported()
    {
        ExpectErrors<KnownOperationTypesRule>(
            """
            mutation { dog { name } }
            """,
            Error("The mutation operation is not supported by the schema.", (1, 1)));
    }
}
