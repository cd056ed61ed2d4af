using System.Text.Json;
using OrleansShop.Api.Protocol.Tests.Support;

namespace OrleansShop.Api.Protocol.Tests;

/// <summary>graphql-http's server audit suite (GraphQL over HTTP conformance), every audit, against the shop's /graphql.</summary>
public sealed class GraphQLHttpAuditTests(ProtocolServer fixture)
{
    /// <summary>The suite of the pinned graphql-http (js/package.json): 13 MUST, 23 SHOULD and 25 MAY audits.</summary>
    private const int AuditCount = 61;

    /// <summary>
    /// SHOULD and MAY audits the shop may fail, by audit id, with the reason it is accepted. None today: the API passes all 61.
    /// A failure that is not listed fails the test; add it here only with the reason the server cannot or should not pass it.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> AcceptedFailures = new Dictionary<string, string>(StringComparer.Ordinal);

    [Fact]
    public async Task Every_MUST_audit_passes_and_no_SHOULD_or_MAY_audit_fails_beyond_the_documented_ones()
    {
        var output = await NodeTools.RunScriptAsync("audit.mjs", [fixture.GraphQLUri.ToString()], TimeSpan.FromMinutes(1));

        using var report = JsonDocument.Parse(output);
        var audits = report.RootElement.EnumerateArray().Select(a => new
        {
            Id = a.GetProperty("id").GetString()!,
            Name = a.GetProperty("name").GetString()!,
            Status = a.GetProperty("status").GetString()!,
            Reason = a.GetProperty("reason").ToString(),
        }).ToList();
        var failed = audits.Where(a => a.Status != "ok").ToList();
        var line = (string prefix) => string.Join("\n", failed.Where(a => a.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(a => $"  {a.Status} {a.Id} {a.Name}: {a.Reason}"));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{audits.Count} audits, {audits.Count - failed.Count} ok.\nSHOULD not ok:\n{line("SHOULD")}\nMAY not ok:\n{line("MAY")}");

        Assert.Equal(AuditCount, audits.Count);
        Assert.Equal(13, audits.Count(a => a.Name.StartsWith("MUST", StringComparison.Ordinal)));
        Assert.True(failed.All(a => !a.Name.StartsWith("MUST", StringComparison.Ordinal)), "MUST audits not ok:\n" + line("MUST"));
        var unexpected = failed.Where(a => !AcceptedFailures.ContainsKey(a.Id)).ToList();
        Assert.True(
            unexpected.Count == 0,
            "SHOULD/MAY audits not ok and not documented in AcceptedFailures:\n" + string.Join("\n", unexpected.Select(a => $"  {a.Status} {a.Id} {a.Name}: {a.Reason}")));
    }
}
