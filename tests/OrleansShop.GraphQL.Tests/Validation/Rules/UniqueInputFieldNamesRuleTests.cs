using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.6.3 Input Object Field Uniqueness.</summary>
public sealed class UniqueInputFieldNamesRuleTests
{
    [Fact]
    public void Distinct_fields_and_the_same_name_in_nested_objects_are_valid()
    {
        ExpectSpecValid<UniqueInputFieldNamesRule>("{ findDog(complex: { name: \"a\", owner: \"b\" }) { name } x: findDog(complex: { name: \"a\" }) { name } }");
    }

    [Fact]
    public void A_repeated_field_is_reported_at_both_names()
    {
        ExpectSpecErrors<UniqueInputFieldNamesRule>(
            """
            {
              field(arg: { field: true, field: false })
            }
            """,
            Error("There can be only one input field named \"field\".", (2, 16), (2, 29)));
    }

    [Fact]
    public void Nested_objects_have_their_own_names()
    {
        ExpectSpecErrors<UniqueInputFieldNamesRule>(
            "{ f(arg: { a: { a: 1, b: 2, b: 3 }, a: 4 }) }",
            Error("There can be only one input field named \"b\".", (1, 23), (1, 29)),
            Error("There can be only one input field named \"a\".", (1, 12), (1, 37)));
    }
}
