namespace OrleansShop.GraphQL.Tests.Conformance;

/// <summary>
/// Corpus cases where our engine differs from graphql-js 17.1.0 and the owner has not fixed it yet, by case name.
/// Each stays in the corpus and shows as skipped with the bug named, so nothing is dropped silently.
/// </summary>
internal static class KnownEngineBugs
{
    private const string CustomScalarLiterals = "ValuesOfCorrectTypeRule calls ParseLiteral for SDL custom scalars and rejects list and object literals (\"JSON cannot represent the value\"), which ValueCoercion and graphql-js (valueFromASTUntyped) accept";

    public static IReadOnlyDictionary<string, string> Execution { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["custom_scalar_object_and_list_literals"] = CustomScalarLiterals,
        ["custom_scalar_literal_with_variables_inside"] = CustomScalarLiterals,
        ["echo_of_a_whole_input_object_literal"] = CustomScalarLiterals,
    };

    public static IReadOnlyDictionary<string, string> Validation { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kitchen sink of graphql-js adapted to the shop schema (valid)"] = CustomScalarLiterals,
        ["custom scalar takes list and object literals with variables inside (valid)"] = CustomScalarLiterals,
    };

    public static string? Reason(IReadOnlyDictionary<string, string> bugs, string caseName) =>
        bugs.TryGetValue(caseName, out var reason) ? "engine bug: " + reason : null;
}
