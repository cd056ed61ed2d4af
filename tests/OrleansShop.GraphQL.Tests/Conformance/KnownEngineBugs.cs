namespace OrleansShop.GraphQL.Tests.Conformance;

/// <summary>
/// Corpus cases where our engine differs from graphql-js 17.1.0 and the owner has not fixed it yet, by case name.
/// Each stays in the corpus and shows as skipped with the bug named, so nothing is dropped silently.
/// </summary>
internal static class KnownEngineBugs
{
    private const string ArgumentErrorLocation = "an argument that fails coercion at run time (a null variable in a non-null position) is located at the field; graphql-js 17 locates it at the offending value node (the variable)";

    private const string CustomScalarLiterals = "ValuesOfCorrectTypeRule calls ParseLiteral for SDL custom scalars and rejects list and object literals (\"JSON cannot represent the value\"), which ValueCoercion and graphql-js (valueFromASTUntyped) accept";

    public static IReadOnlyDictionary<string, string> Execution { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["custom_scalar_object_and_list_literals"] = CustomScalarLiterals,
        ["custom_scalar_literal_with_variables_inside"] = CustomScalarLiterals,
        ["echo_of_a_whole_input_object_literal"] = CustomScalarLiterals,
    };

    /// <summary>Cases whose data and error paths agree but whose error locations do not.</summary>
    public static IReadOnlyDictionary<string, string> ExecutionLocations { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["non_null_argument_with_a_default_given_a_null_variable_is_a_field_error"] = ArgumentErrorLocation,
        ["non_null_argument_given_a_null_variable_under_a_nullable_field"] = ArgumentErrorLocation,
    };

    public static IReadOnlyDictionary<string, string> Validation { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kitchen sink of graphql-js adapted to the shop schema (valid)"] = CustomScalarLiterals,
        ["custom scalar takes list and object literals with variables inside (valid)"] = CustomScalarLiterals,
    };

    public static string? Reason(IReadOnlyDictionary<string, string> bugs, string caseName) =>
        bugs.TryGetValue(caseName, out var reason) ? "engine bug: " + reason : null;
}
