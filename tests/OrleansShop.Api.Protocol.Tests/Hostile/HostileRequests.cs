using System.Text;
using System.Text.Json;

namespace OrleansShop.Api.Protocol.Tests.Hostile;

/// <summary>The hostile requests, by name. Each is built when asked for: some are megabytes.</summary>
internal static class HostileRequests
{
    /// <summary>Requests a server must refuse: over any sane limit of depth, size or count, or invalid as well.</summary>
    public static readonly IReadOnlyDictionary<string, Func<HostileRequest>> MustBeRefused = new Dictionary<string, Func<HostileRequest>>(StringComparer.Ordinal)
    {
        // Deeper than any operation a client needs, yet shallow enough that a parser's own nesting guard lets it through.
        ["selections nested 60 deep"] = () => Query("{ categories { " + Nest("children", 60, "id") + " } }"),
        ["braces nested 100,000 deep"] = () => Query(Repeat("{ a ", 100_000) + Repeat("}", 100_000)),
        ["a list literal nested 100,000 deep"] = () => Query("{ nodes(ids: " + Repeat("[", 100_000) + Repeat("]", 100_000) + ") { id } }"),
        ["5,000 aliases"] = () => Query("{ " + Join(5_000, i => $"a{i}: __typename") + " }"),
        // Every pair conflicts (same response name, different arguments): tens of thousands of errors unless a server stops early.
        ["250 conflicting fields under one response name"] = () => Query("{ categories { " + Join(250, i => $"x: products(first: {i % 50}) {{ totalCount }}") + " } }"),
        ["a 3 MB document"] = () => Query("{ " + Repeat("__typename ", 300_000) + "}"),
        ["80,000 fields in 900 KB"] = () => Query("{ " + Repeat("__typename ", 80_000) + "}"),
        ["a 3 MB variable"] = () => Query("query($s: String) { __typename }", new { s = new string('x', 3_000_000) }),
        ["variables nested 10,000 deep"] = () => new(Encoding.UTF8.GetBytes(
            "{\"query\":\"query($v: [String]) { __typename }\",\"variables\":{\"v\":" + Repeat("[", 10_000) + Repeat("]", 10_000) + "}}")),
        ["20,000 repeated directives"] = () => Query("{ __typename " + Repeat("@skip(if: false) ", 20_000) + "}"),
        ["20,000 unused variable definitions"] = () => Query("query(" + Join(20_000, i => $"$v{i}: Int") + ") { __typename }"),

        // 2^40 paths through the fragments, and at the bottom a field that conflicts with one at the top: a validator that
        // expands spreads instead of comparing each fragment pair once never finishes.
        ["fragment fan-out hiding a field conflict"] = () => Query("{ me { x: id ...F0 } } " + FanOut(40, "Customer", "x: email")),
    };

    /// <summary>
    /// Valid requests that are merely heavy to check: a server may run them (and must then answer right) or refuse them,
    /// as the GraphQL specification leaves limits to the server; either way, quickly.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Func<HostileRequest>> MayBeAnswered = new Dictionary<string, Func<HostileRequest>>(StringComparer.Ordinal)
    {
        // 2^40 paths through the fragments to one field, which merges into a single one (under a field, so that a limit on
        // root fields does not stand in for the work); anonymous, me is null.
        ["fragment fan-out of 2^40 spreads"] = () => Query("{ me { ...F0 } } " + FanOut(40, "Customer", "email"), data: """{"me":null}"""),

        // Variables an operation does not declare are ignored (GraphQL over HTTP), however many.
        ["50,000 undeclared variables"] = () => Query(
            "{ __typename }", Enumerable.Range(0, 50_000).ToDictionary(i => "v" + i, i => (object)i), data: """{"__typename":"Query"}"""),

        // Every pair of the 60 root fields, and of the 30 leaves under each, must be checked to merge. graphql-js 17 itself
        // gives up on it ("Validation aborted.": its overlap check has a work budget), and so does today's engine.
        ["60 overlapping root fields of 30 overlapping leaves"] = () => Query(
            "{ " + Repeat("__schema { queryType { " + Repeat("name ", 30) + "} } ", 60) + "}",
            data: """{"__schema":{"queryType":{"name":"Query"}}}"""),

        ["20,000 operations in one document"] = () => new(
            JsonSerializer.SerializeToUtf8Bytes(new { query = Join(20_000, i => $"query Q{i} {{ __typename }}"), operationName = "Q19999" }),
            """{"__typename":"Query"}"""),
    };

    private static HostileRequest Query(string query, object? variables = null, string? data = null) =>
        new(JsonSerializer.SerializeToUtf8Bytes(new { query, variables }), data);

    /// <summary>Fragments F0..F(n-1) on the type, each spreading the next twice, and F(n) holding <paramref name="bottom"/>.</summary>
    private static string FanOut(int levels, string type, string bottom) =>
        Join(levels, i => $"fragment F{i} on {type} {{ ...F{i + 1} ...F{i + 1} }}") + $" fragment F{levels} on {type} {{ {bottom} }}";

    private static string Nest(string field, int depth, string leaf)
    {
        var selection = leaf;
        for (var i = 0; i < depth; i++)
        {
            selection = $"{field} {{ {selection} }}";
        }

        return selection;
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Join(int count, Func<int, string> item) => string.Join(" ", Enumerable.Range(0, count).Select(item));
}
