using System.Text.Json;
using OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;

namespace OrleansShop.GraphQL.AspNetCore.Tests;

/// <summary>The graphql-http audit suite (GraphQL over HTTP conformance) run from Node.js against the real server.</summary>
public sealed class GraphQLHttpAuditTests
{
    [Fact]
    public async Task Every_must_and_should_audit_of_graphql_http_passes()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var output = await NodeTools.RunScriptAsync("audit.mjs", [host.GraphQLUri.ToString()], TimeSpan.FromMinutes(2));

        using var report = JsonDocument.Parse(output);
        var failures = new List<string>();
        var mayFailures = new List<string>();
        var count = 0;
        foreach (var audit in report.RootElement.EnumerateArray())
        {
            count++;
            var name = audit.GetProperty("name").GetString()!;
            var status = audit.GetProperty("status").GetString();
            if (status == "ok")
            {
                continue;
            }

            var line = $"{status} {audit.GetProperty("id").GetString()} {name}: {audit.GetProperty("reason")}";
            (name.StartsWith("MAY", StringComparison.Ordinal) ? mayFailures : failures).Add(line);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{count} audits; MAY audits not ok: {(mayFailures.Count == 0 ? "none" : string.Join("\n", mayFailures))}");
        Assert.True(count >= 60, $"Expected the full suite, got {count} audits.");
        Assert.True(failures.Count == 0, "MUST/SHOULD audits not ok:\n" + string.Join("\n", failures));
        Assert.True(mayFailures.Count == 0, "MAY audits not ok:\n" + string.Join("\n", mayFailures));
    }
}
