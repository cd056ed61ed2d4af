using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;

namespace OrleansShop.GraphQL.AspNetCore.Tests;

/// <summary>A resolver's own exception: the client gets a generic error, the operator's log gets the exception.</summary>
public sealed class ResolverErrorLoggingTests
{
    [Fact]
    public async Task A_resolver_exception_is_hidden_from_the_client_and_logged_with_its_path()
    {
        using var logs = new CapturedLogs();
        await using var host = await GraphQLTestHost.StartAsync(logs: logs);
        using var client = host.CreateClient();

        using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ fail }" }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Unexpected Execution Error", JsonNode.Parse(body)!["errors"]![0]!["message"]!.GetValue<string>());
        Assert.DoesNotContain("secret detail", body, StringComparison.Ordinal);
        var logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
        Assert.Equal("secret detail", logged.Exception!.Message);
        Assert.Contains("fail", logged.Message, StringComparison.Ordinal);
    }
}
