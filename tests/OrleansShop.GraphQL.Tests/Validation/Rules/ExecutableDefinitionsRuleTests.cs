using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.1.1 Executable Definitions.</summary>
public sealed class ExecutableDefinitionsRuleTests
{
    [Fact]
    public void Operations_and_fragments_are_executable()
    {
        ExpectSpecValid<ExecutableDefinitionsRule>(
            """
            query getDogName { dog { ...dogName } }
            fragment dogName on Dog { name }
            """);
    }

    [Fact]
    public void A_type_extension_is_not_executable()
    {
        ExpectSpecErrors<ExecutableDefinitionsRule>(
            """
            query getDogName {
              dog {
                name
                color
              }
            }

            extend type Dog {
              color: String
            }
            """,
            Error("The \"Dog\" definition is not executable.", (8, 1)));
    }

    [Fact]
    public void Schema_and_type_definitions_are_reported_each()
    {
        ExpectSpecErrors<ExecutableDefinitionsRule>(
            """
            schema { query: Query }
            type Foo { bar: Int }
            { dog { name } }
            directive @d on FIELD
            """,
            Error("The schema definition is not executable.", (1, 1)),
            Error("The \"Foo\" definition is not executable.", (2, 1)),
            Error("The \"d\" definition is not executable.", (4, 1)));
    }
}
