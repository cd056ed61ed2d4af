using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>graphql-js's MaxIntrospectionDepthRule: nested introspection lists are refused from the third level.</summary>
public sealed class MaxIntrospectionDepthRuleTests
{
    [Fact]
    public void The_standard_introspection_shape_is_valid()
    {
        ExpectSpecValid<MaxIntrospectionDepthRule>(
            """
            {
              __schema {
                types {
                  name
                  fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } }
                  interfaces { name }
                  possibleTypes { name }
                  inputFields { name }
                }
              }
              __type(name: "Dog") { fields { type { fields { name } } } }
            }
            """);
    }

    [Fact]
    public void Three_nested_lists_are_refused()
    {
        ExpectSpecErrors<MaxIntrospectionDepthRule>(
            """
            {
              __schema {
                types {
                  fields {
                    type {
                      fields {
                        type {
                          fields {
                            name
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
            """,
            Error("Maximum introspection depth exceeded", (2, 3)));
    }

    [Fact]
    public void Fragments_are_followed_and_cycles_do_not_hang()
    {
        ExpectSpecErrors<MaxIntrospectionDepthRule>(
            """
            { __type(name: "Dog") { ...T } }
            fragment T on __Type { fields { type { ...U } } }
            fragment U on __Type { interfaces { possibleTypes { name ...T } } }
            """,
            Error("Maximum introspection depth exceeded", (1, 3)));
        ExpectSpecValid<MaxIntrospectionDepthRule>(
            """
            { __type(name: "Dog") { ...T } }
            fragment T on __Type { ofType { ...T } }
            """);
    }
}
