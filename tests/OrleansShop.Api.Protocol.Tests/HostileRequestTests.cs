using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansShop.Api.Protocol.Tests.Hostile;
using OrleansShop.Api.Protocol.Tests.Support;

namespace OrleansShop.Api.Protocol.Tests;

/// <summary>
/// Requests built to exhaust a GraphQL server: each is refused (or, where valid, answered) quickly with a clear answer,
/// never a 500 or a stack trace, and a normal query answers right after it. Nothing here depends on which limit a server
/// applies or how it words its errors: status classes, <c>errors</c>, <c>data</c> and time.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class HostileRequestTests(ProtocolServer fixture)
{
    /// <summary>Generous on purpose: today's engine answers each in well under 200 ms; this catches work that explodes.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    /// <summary>A refusal states what is wrong; it does not echo megabytes back or list thousands of errors.</summary>
    private const int MaxRefusalBytes = 64 * 1024;

    public static TheoryData<string> Refused => [.. HostileRequests.MustBeRefused.Keys];

    public static TheoryData<string> Heavy => [.. HostileRequests.MayBeAnswered.Keys];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_hostile_request_is_refused_quickly_with_a_clear_error_and_the_server_still_answers(string name)
    {
        var request = HostileRequests.MustBeRefused[name]();
        await WarmUpAsync();

        var exchange = await fixture.Server.Http.PostAsync(request.Body);
        Report(name, exchange);

        AssertRefused(exchange);
        Assert.True(exchange.Elapsed < Bound, $"{name} took {exchange.Elapsed.TotalMilliseconds:0} ms.");
        await AssertAnswersNormallyAsync();
    }

    [Theory]
    [MemberData(nameof(Heavy))]
    public async Task A_heavy_valid_request_is_answered_right_or_refused_quickly_and_the_server_still_answers(string name)
    {
        var request = HostileRequests.MayBeAnswered[name]();
        await WarmUpAsync();

        var exchange = await fixture.Server.Http.PostAsync(request.Body);
        Report(name, exchange);

        if (exchange.Status == 200 && exchange.HasData)
        {
            Assert.True(exchange.Errors.Count == 0, exchange.ToString());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(request.DataIfAnswered!), exchange.Json!["data"]), exchange.ToString());
        }
        else
        {
            AssertRefused(exchange);
        }

        Assert.True(exchange.Elapsed < Bound, $"{name} took {exchange.Elapsed.TotalMilliseconds:0} ms.");
        await AssertAnswersNormallyAsync();
    }

    /// <summary>
    /// GraphQL over HTTP defines one request per body; batching is an extension. A server without it refuses the array as a
    /// bad request; one with it answers each operation in an array. Both are allowed; a 500 or a hang is not.
    /// </summary>
    [Fact]
    public async Task A_batch_array_is_refused_as_a_bad_request_or_answered_operation_by_operation()
    {
        var batch = Enumerable.Repeat(new { query = "{ __typename }" }, 2).ToArray();
        await WarmUpAsync();

        var exchange = await fixture.Server.Http.PostAsync(JsonSerializer.SerializeToUtf8Bytes(batch));
        Report("a batch of two", exchange);

        if (exchange.Status == 200 && JsonNode.Parse(exchange.Body) is JsonArray answers)
        {
            Assert.Equal(2, answers.Count);
            Assert.All(answers, a => Assert.Equal("Query", a!["data"]!["__typename"]!.GetValue<string>()));
        }
        else
        {
            AssertRefused(exchange);
        }

        Assert.True(exchange.Elapsed < Bound, $"The batch took {exchange.Elapsed.TotalMilliseconds:0} ms.");
        await AssertAnswersNormallyAsync();
    }

    private static void AssertRefused(HttpExchange exchange)
    {
        Assert.True(exchange.Status is >= 400 and < 500, "Expected a 4xx refusal: " + exchange);
        Assert.False(StackTraces.In(exchange.Body), "The answer shows a stack trace: " + exchange);
        Assert.True(Encoding.UTF8.GetByteCount(exchange.Body) <= MaxRefusalBytes, $"A {exchange.Body.Length}-character refusal: {exchange}");
        if (exchange.Json is null)
        {
            // An oversized body may be refused before GraphQL reads it (by the server or Kestrel), with no GraphQL body:
            // the status says what is wrong. Every other refusal is a GraphQL response.
            Assert.True(exchange.Status == 413, "A refusal without a GraphQL response: " + exchange);
            return;
        }

        Assert.False(exchange.HasData, "A refused request has no data: " + exchange);
        Assert.NotEmpty(exchange.Errors);
        Assert.All(exchange.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e?["message"]?.GetValue<string>()), exchange.ToString()));
    }

    /// <summary>Which way the server went and how fast, for comparing servers (the assertions allow either way).</summary>
    private static void Report(string name, HttpExchange exchange) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {exchange}");

    /// <summary>A small refused request first, so that the timed one does not pay for compiling the refusal path.</summary>
    private async Task WarmUpAsync() => await fixture.Server.Http.PostAsync(new { query = "{ nope }" });

    private async Task AssertAnswersNormallyAsync()
    {
        var exchange = await fixture.Server.Http.PostAsync(new { query = "{ __typename categories { id } products(first: 1) { totalCount } }" });
        Assert.True(exchange.Status == 200 && exchange.Errors.Count == 0, "After the hostile request: " + exchange);
        Assert.Equal("Query", exchange.Json!["data"]!["__typename"]!.GetValue<string>());
    }
}
