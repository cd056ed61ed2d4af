namespace OrleansShop.GraphQL.Tests.Conformance;

/// <summary>
/// Corpus cases where our engine differs from graphql-js 17.1.0 and the owner has not fixed it yet, by case name.
/// Each stays in the corpus and shows as skipped with the bug named, so nothing is dropped silently.
/// </summary>
internal static class KnownEngineBugs
{
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
    };

    public static IReadOnlyDictionary<string, string> Validation { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    public static string? Reason(IReadOnlyDictionary<string, string> bugs, string caseName) =>
        bugs.TryGetValue(caseName, out var reason) ? "engine bug: " + reason : null;
}
