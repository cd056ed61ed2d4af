namespace OrleansShop.Api.Protocol.Tests.Differential;

/// <summary>
/// Error codes with which a server refuses a valid operation for what it would cost, not for being invalid: such a refusal
/// is not a validation disagreement, so the comparison leaves those operations out (and the test bounds how many).
/// </summary>
internal static class ResourceRefusals
{
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
    {
        // Our engine: the operation's estimated cost is over the limit; the client's query-cost budget is used up.
        "MAX_COST_EXCEEDED",
        "RATE_LIMITED",

        // HotChocolate's cost analysis: the cost is over the limit; a list field lacks the one slicing argument it requires.
        "HC0047",
        "HC0082",

        // HotChocolate's introspection limits: fields and ofType nested deeper than it allows (a guard against introspection
        // queries that fan out over the whole schema many times).
        "HC0086",

        // The shop's limit on field selections once fragments are expanded (HotChocolate has none).
        "MAX_FIELDS_EXCEEDED",
    };

    public static bool Any(IEnumerable<string> codes) => codes.Any(Codes.Contains);
}
