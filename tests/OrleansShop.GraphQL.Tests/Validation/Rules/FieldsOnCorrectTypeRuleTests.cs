using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.3.1 Field Selections.</summary>
public sealed class FieldsOnCorrectTypeRuleTests
{
    [Fact]
    public void Fields_not_defined_on_the_type_are_reported_with_suggestions()
    {
        ExpectSpecErrors<FieldsOnCorrectTypeRule>(
            """
            fragment fieldNotDefined on Dog {
              meowVolume
            }

            fragment aliasedLyingFieldTargetNotDefined on Dog {
              barkVolume: kawVolume
            }
            """,
            Error("Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (2, 3)),
            Error("Cannot query field \"kawVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (6, 3)));
    }

    [Fact]
    public void Interface_fields_may_be_selected_on_the_interface()
    {
        ExpectSpecValid<FieldsOnCorrectTypeRule>(
            """
            fragment interfaceFieldSelection on Pet {
              name
            }
            """);
    }

    [Fact]
    public void A_field_only_implementors_define_suggests_inline_fragments()
    {
        ExpectSpecErrors<FieldsOnCorrectTypeRule>(
            """
            fragment definedOnImplementorsButNotInterface on Pet {
              nickname
            }
            """,
            Error("Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"?", (2, 3)));
    }

    [Fact]
    public void Union_members_are_reached_through_fragments_and_typename()
    {
        ExpectSpecValid<FieldsOnCorrectTypeRule>(
            """
            fragment inDirectFieldSelectionOnUnion on CatOrDog {
              __typename
              ... on Pet {
                name
              }
              ... on Dog {
                barkVolume
              }
            }
            """);
    }

    [Fact]
    public void Fields_selected_directly_on_a_union_are_reported()
    {
        ExpectSpecErrors<FieldsOnCorrectTypeRule>(
            """
            fragment directFieldSelectionOnUnion on CatOrDog {
              name
              barkVolume
            }
            """,
            Error("Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Cat\", or \"Dog\"?", (2, 3)),
            Error("Cannot query field \"barkVolume\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Dog\"?", (3, 3)));
    }

    [Fact]
    public void Meta_fields_are_known_schema_and_type_only_on_the_query_root()
    {
        ExpectSpecValid<FieldsOnCorrectTypeRule>("{ __schema { queryType { name } } __type(name: \"Dog\") { name } dog { __typename } }");
        ExpectSpecErrors<FieldsOnCorrectTypeRule>(
            "{ dog { __schema { queryType { name } } } }",
            Error("Cannot query field \"__schema\" on type \"Dog\".", (1, 9)));
    }

    [Fact]
    public void Hidden_suggestions_leave_only_the_message()
    {
        var errors = Validate<FieldsOnCorrectTypeRule>(
            "{ dog { meowVolume } }",
            Spec,
            new OrleansShop.GraphQL.Validation.ValidationOptions { HideSuggestions = true, MaxDepth = null });
        Assert.Equal("Cannot query field \"meowVolume\" on type \"Dog\".", Assert.Single(errors).Message);
    }
}
