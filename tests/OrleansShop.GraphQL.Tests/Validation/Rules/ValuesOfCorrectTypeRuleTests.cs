using OrleansShop.GraphQL.Validation.Rules;
using static OrleansShop.GraphQL.Tests.Validation.ValidationHarness;

namespace OrleansShop.GraphQL.Tests.Validation.Rules;

/// <summary>Spec 5.6.1 Values of Correct Type, 5.6.2 Input Object Field Names, 5.6.4 Input Object Required Fields, and the OneOf rules.</summary>
public sealed class ValuesOfCorrectTypeRuleTests
{
    [Fact]
    public void Coercible_literals_are_valid()
    {
        ExpectSpecValid<ValuesOfCorrectTypeRule>(
            """
            fragment goodBooleanArg on Arguments {
              booleanArgField(booleanArg: true)
            }

            fragment coercedIntIntoFloatArg on Arguments {
              # Note: The input coercion rules for Float allow Int literals.
              floatArgField(floatArg: 123)
            }

            query goodComplexDefaultValue($search: ComplexInput = { name: "Fido" }) {
              findDog(complex: $search) { name }
            }
            """);
    }

    [Fact]
    public void A_string_into_an_int_and_an_int_into_a_string_field_are_reported()
    {
        ExpectSpecErrors<ValuesOfCorrectTypeRule>(
            """
            fragment stringIntoInt on Arguments {
              intArgField(intArg: "123")
            }

            query badComplexValue {
              findDog(complex: { name: 123 }) { name }
            }
            """,
            Error("Int cannot represent non-integer value: \"123\"", (2, 23)),
            Error("String cannot represent a non string value: 123", (6, 28)));
    }

    [Fact]
    public void An_unknown_input_field_is_reported_at_the_field()
    {
        ExpectSpecValid<ValuesOfCorrectTypeRule>("{ findDog(complex: { name: \"Fido\" }) { name } }");
        ExpectSpecErrors<ValuesOfCorrectTypeRule>(
            """
            {
              findDog(complex: { favoriteCookieFlavor: "Bacon" }) { name }
            }
            """,
            Error("Expected value of type \"ComplexInput\" not to include unknown field \"favoriteCookieFlavor\", found: { favoriteCookieFlavor: \"Bacon\" }.", (2, 22)));
    }

    [Fact]
    public void A_missing_required_input_field_and_null_for_it_are_reported()
    {
        ExpectSpecErrors<ValuesOfCorrectTypeRule>(
            """
            mutation { addPet(pet: { dog: {} }) { name } other: addPet(pet: { cat: { name: null } }) { name } }
            """,
            Error("Expected value of type \"DogInput\" to include required field \"name\", found: {  }.", (1, 31)),
            Error("Expected value of non-null type \"String!\" not to be null.", (1, 80)));
    }

    [Fact]
    public void Enum_values_must_be_names_of_the_enum()
    {
        ExpectSpecErrors<ValuesOfCorrectTypeRule>(
            "{ dog { a: doesKnowCommand(dogCommand: \"SIT\") b: doesKnowCommand(dogCommand: sit) c: doesKnowCommand(dogCommand: 1) } }",
            Error("Enum \"DogCommand\" cannot represent non-enum value: \"SIT\". Did you mean the enum value \"SIT\"?", (1, 40)),
            Error("Value \"sit\" does not exist in \"DogCommand\" enum. Did you mean the enum value \"SIT\"?", (1, 78)),
            Error("Enum \"DogCommand\" cannot represent non-enum value: 1.", (1, 114)));
    }

    [Fact]
    public void List_items_are_checked_one_by_one_and_a_single_value_counts_as_a_list()
    {
        ExpectSpecValid<ValuesOfCorrectTypeRule>("{ booleanList(booleanListArg: true) arguments { booleanListArgField(booleanListArg: [true, null]) } }");
        ExpectSpecErrors<ValuesOfCorrectTypeRule>(
            "{ booleanList(booleanListArg: [true, null, 1]) }",
            Error("Expected value of non-null type \"Boolean!\" not to be null.", (1, 38)),
            Error("Boolean cannot represent a non boolean value: 1", (1, 44)));
    }

    [Fact]
    public void Variable_default_values_are_checked_against_the_variable_type()
    {
        ExpectSpecErrors<ValuesOfCorrectTypeRule>(
            "query Q($a: Int = \"one\", $b: ComplexInput = 3) { dog { name } }",
            Error("Int cannot represent non-integer value: \"one\"", (1, 19)),
            Error("Expected value of type \"ComplexInput\" to be an object, found: 3.", (1, 45)));
    }

    [Fact]
    public void A_oneof_input_takes_exactly_one_non_null_field()
    {
        ExpectSpecValid<ValuesOfCorrectTypeRule>("{ findDogBy(searchBy: { name: \"Fido\" }) { name } }");
        const string OneOf = "Within OneOf Input Object type \"FindDogInput\", exactly one field must be specified, and the value for that field must be non-null.";
        ExpectSpecErrors<ValuesOfCorrectTypeRule>(
            """
            {
              a: findDogBy(searchBy: { name: "Fido", owner: "Bob" }) { name }
              b: findDogBy(searchBy: {}) { name }
              c: findDogBy(searchBy: { name: null }) { name }
            }
            """,
            Error(OneOf, (2, 26)),
            Error(OneOf, (3, 26)),
            Error(OneOf, (4, 26)));
    }

    [Fact]
    public void Variables_inside_literals_are_left_to_the_variable_rules()
    {
        ExpectSpecValid<ValuesOfCorrectTypeRule>("query Q($n: String) { findDogBy(searchBy: { name: $n }) { name } arguments { intArgField(intArg: $n) } }");
    }
}
