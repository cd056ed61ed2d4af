using System.Collections.Concurrent;
using System.Net;
using OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using static OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure.GraphQLHttp;

namespace OrleansShop.GraphQL.AspNetCore.Tests;

/// <summary>The host's admission hook sees each operation with its computed cost and can refuse it before anything runs.</summary>
public sealed class OperationAdmissionTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static GraphQLError Limited() =>
        new("Slow down.", extensions: new Dictionary<string, object?> { ["code"] = "RATE_LIMITED" });

    [Fact]
    public async Task An_admitted_operation_runs_and_the_hook_saw_its_cost_and_caller()
    {
        var seen = new ConcurrentQueue<OperationAdmissionContext>();
        IPAddress? caller = null;
        await using var host = await GraphQLTestHost.StartAsync(o => o.OnOperationAdmission = context =>
        {
            seen.Enqueue(context);
            caller = context.HttpContext.Connection.RemoteIpAddress;
            return ValueTask.FromResult(OperationAdmission.Admitted);
        });
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("mutation Two { a: addItem(name: \"pear\") b: addItem(name: \"plum\") }"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["apple", "pear", "plum"], host.Feed.Items);
        var context = Assert.Single(seen);
        Assert.Equal(OperationType.Mutation, context.Operation);
        Assert.Equal("Two", context.OperationName);
        Assert.Equal(20, context.Cost.FieldCost);
        Assert.False(context.OverWebSocket);
        Assert.Equal(IPAddress.Loopback, caller);
    }

    [Fact]
    public async Task A_refused_mutation_over_http_is_429_with_retry_after_and_changes_nothing()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.OnOperationAdmission = _ =>
            ValueTask.FromResult(OperationAdmission.Refuse(Limited(), retryAfter: TimeSpan.FromSeconds(2.2))));
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("mutation { addItem(name: \"pear\") }", accept: "application/graphql-response+json"), Cancellation);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        var body = await ReadJsonAsync(response);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal("RATE_LIMITED", FirstErrorCode(body));
        Assert.Equal(["apple"], host.Feed.Items);
    }

    [Fact]
    public async Task A_refused_subscribe_over_the_socket_gets_the_error_message_and_runs_nothing()
    {
        var seen = new ConcurrentQueue<OperationAdmissionContext>();
        await using var host = await GraphQLTestHost.StartAsync(o => o.OnOperationAdmission = context =>
        {
            seen.Enqueue(context);
            return ValueTask.FromResult(context.Operation == OperationType.Query
                ? OperationAdmission.Admitted
                : OperationAdmission.Refuse(Limited(), retryAfter: TimeSpan.FromSeconds(1)));
        });
        await using var client = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);
        await client.InitAsync();

        await client.SubscribeAsync("m", "mutation { addItem(name: \"pear\") }");
        var refused = await client.ReceiveAsync();
        await client.SubscribeAsync("q", "{ hello }");
        var answered = await client.ReceiveAsync();

        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal("m", refused.GetProperty("id").GetString());
        Assert.Equal("RATE_LIMITED", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("world", answered.GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal(["apple"], host.Feed.Items);
        Assert.All(seen, c => Assert.True(c.OverWebSocket));
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void A_refusal_must_carry_an_error_status()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OperationAdmission.Refuse(Limited(), statusCode: 200));
    }
}
