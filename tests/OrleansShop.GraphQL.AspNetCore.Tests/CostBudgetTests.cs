using System.Net;
using OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;
using OrleansShop.GraphQL.Validation;
using static OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure.GraphQLHttp;

namespace OrleansShop.GraphQL.AspNetCore.Tests;

/// <summary>The endpoint charges each operation's cost before running it and refuses one over budget.</summary>
public sealed class CostBudgetTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    // Every test-schema field has its own resolver, so each one weighs CostOptions.ResolverFieldWeight (10).
    private static void TightBudget(GraphQLServerOptions options) => options.Cost = new CostOptions { MaxFieldCost = 15 };

    [Fact]
    public async Task An_operation_within_budget_runs()
    {
        await using var host = await GraphQLTestHost.StartAsync(TightBudget);
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("{ hello }"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("world", (await ReadJsonAsync(response)).GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task An_operation_over_budget_is_refused_with_its_cost_and_runs_no_resolver()
    {
        await using var host = await GraphQLTestHost.StartAsync(TightBudget);
        using var client = host.CreateClient();

        using var response = await client.SendAsync(
            PostQuery("mutation { a: addItem(name: \"pear\") b: addItem(name: \"plum\") }", accept: "application/graphql-response+json"),
            Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal("MAX_COST_EXCEEDED", FirstErrorCode(body));
        Assert.Equal(20, body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fieldCost").GetDouble());
        Assert.Equal(["apple"], host.Feed.Items);
    }

    [Fact]
    public async Task Turning_the_budget_off_lets_the_same_operation_run()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.Cost = null);
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("mutation { a: addItem(name: \"pear\") b: addItem(name: \"plum\") }"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["apple", "pear", "plum"], host.Feed.Items);
    }
}
