using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.8.2 Variables Are Input Types.</summary>
public sealed class VariablesAreInputTypesRuleTests
{
    [Fact]
    public void Scalars_input_objects_and_lists_of_them_are_input_types()
    {
        ExpectSpecValid<VariablesAreInputTypesRule>(
            """
            query takesBoolean($atOtherHomes: Boolean) {
              dog {
                isHouseTrained(atOtherHomes: $atOtherHomes)
              }
            }

            query takesComplexInput($complexInput: ComplexInput) {
              findDog(complex: $complexInput) {
                name
              }
            }

            query TakesListOfBooleanBang($booleans: [Boolean!]) {
              booleanList(booleanListArg: $booleans)
            }
            """);
    }

    [Fact]
    public void Objects_interfaces_and_unions_are_reported_at_the_type()
    {
        ExpectSpecErrors<VariablesAreInputTypesRule>(
            """
            query takesCat($cat: Cat) { dog { name } }
            query takesDogBang($dog: Dog!) { dog { name } }
            query takesListOfPet($pets: [Pet]) { dog { name } }
            query takesCatOrDog($catOrDog: CatOrDog) { dog { name } }
            """,
            Error("Variable \"$cat\" cannot be non-input type \"Cat\".", (1, 22)),
            Error("Variable \"$dog\" cannot be non-input type \"Dog!\".", (2, 26)),
            Error("Variable \"$pets\" cannot be non-input type \"[Pet]\".", (3, 29)),
            Error("Variable \"$catOrDog\" cannot be non-input type \"CatOrDog\".", (4, 32)));
    }
}
