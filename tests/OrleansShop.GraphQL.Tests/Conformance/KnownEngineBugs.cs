namespace OrleansShop.GraphQL.Tests.Conformance;

/// <summary>
/// Corpus cases where our engine differs from graphql-js 17.1.0 and the owner has not fixed it yet, by case name.
/// Each stays in the corpus and shows as skipped with the bug named, so nothing is dropped silently.
/// </summary>
internal static class KnownEngineBugs
{
    private const string VariableCoercionWording =
        "variable coercion errors use graphql-js 16 wording ('Variable \"$x\" got invalid value V; reason', paths as \"x.a[0]\" at the end) instead of graphql-js 17's ('Variable \"$x\" has invalid value at .a[0]: reason', e.g. 'Expected a value of non-null type \"ID!\" to be provided.')";

    public static IReadOnlyDictionary<string, string> Execution { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    /// <summary>Cases whose data and error paths agree but whose error locations do not.</summary>
    public static IReadOnlyDictionary<string, string> ExecutionLocations { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    /// <summary>Cases whose data, error paths and locations agree but whose error messages are worded differently.</summary>
    public static IReadOnlyDictionary<string, string> ExecutionMessages { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["variables_rejected_int_for_string"] = VariableCoercionWording,
        ["variables_rejected_int_out_of_range"] = VariableCoercionWording,
        ["variables_rejected_missing_non_null"] = VariableCoercionWording,
        ["variables_rejected_missing_required_input_field"] = VariableCoercionWording,
        ["variables_rejected_nested_input_field_of_the_wrong_type"] = VariableCoercionWording,
        ["variables_rejected_non_null_list_item_null"] = VariableCoercionWording,
        ["variables_rejected_null_for_non_null"] = VariableCoercionWording,
        ["variables_rejected_object_for_a_list_of_scalars"] = VariableCoercionWording,
        ["variables_rejected_one_of_with_a_null_field"] = VariableCoercionWording,
        ["variables_rejected_one_of_with_two_fields"] = VariableCoercionWording,
        ["variables_rejected_string_for_boolean_directive"] = VariableCoercionWording,
        ["variables_rejected_string_for_int"] = VariableCoercionWording,
        ["variables_rejected_unknown_enum_value"] = VariableCoercionWording,
        ["variables_rejected_unknown_input_field"] = VariableCoercionWording,
        ["variables_rejected_wrong_scalar_type"] = VariableCoercionWording,
    };

    public static IReadOnlyDictionary<string, string> Validation { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    public static string? Reason(IReadOnlyDictionary<string, string> bugs, string caseName) =>
        bugs.TryGetValue(caseName, out var reason) ? "engine bug: " + reason : null;
}
