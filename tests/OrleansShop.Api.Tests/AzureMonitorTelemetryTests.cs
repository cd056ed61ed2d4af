using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>
/// APPLICATIONINSIGHTS_CONNECTION_STRING sends the same spans to Azure Monitor: here to an ingestion endpoint of ours on
/// loopback, named by the connection string as Application Insights' own would be, over real HTTP. The shop's own
/// sampling decides which traces go (OrleansShop:Telemetry:TraceSampleRatio), not the exporter's default of 5 traces a
/// second and not a caller's traceparent flag.
/// </summary>
[Collection(ProcessWideTelemetry.Name)]
public sealed class AzureMonitorTelemetryTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task With_every_trace_sampled_each_of_a_burst_of_GraphQL_operations_reaches_the_ingestion_endpoint()
    {
        await using var ingestion = await Ingestion.StartAsync();
        await using var server = await StartShopAsync(ingestion);
        var prefix = "Monitored" + Guid.NewGuid().ToString("N")[..12];

        // Well past the exporter's own default of 5 traces a second, which the shop's sampler must replace.
        var names = Enumerable.Range(0, 30).Select(i => $"{prefix}x{i}").ToList();
        foreach (var name in names)
        {
            await server.DataAsync($"query {name} {{ __typename }}");
        }

        var missing = await ingestion.EventuallyAllAsync(names.Select(n => "query " + n).ToList());
        Assert.True(missing.Count == 0, $"{missing.Count} of {names.Count} operations never reached Azure Monitor ({ingestion.Posts} posts), e.g. {missing.FirstOrDefault()}.");
    }

    [Fact]
    public async Task A_callers_traceparent_names_the_trace_but_its_not_sampled_flag_does_not_hide_the_request()
    {
        await using var ingestion = await Ingestion.StartAsync();
        await using var server = await StartShopAsync(ingestion);
        var name = "Unflagged" + Guid.NewGuid().ToString("N")[..12];
        var traceId = Guid.NewGuid().ToString("N");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent($$"""{"query":"query {{name}} { __typename }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{Guid.NewGuid().ToString("N")[..16]}-00");
        // A client of its own: the test process's HttpClient instrumentation would put its own traceparent in place of the caller's.
        using var caller = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = server.Http.BaseAddress };
        using var response = await caller.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        var missing = await ingestion.EventuallyAllAsync(["query " + name]);
        Assert.True(missing.Count == 0, $"The request flagged not sampled by its caller was not exported ({ingestion.Posts} posts).");
        Assert.True(
            ingestion.Received.SelectMany(post => post.Split('\n')).Any(item => item.Contains($"\"query {name}\"", StringComparison.Ordinal) && item.Contains($"\"ai.operation.id\":\"{traceId}\"", StringComparison.Ordinal)),
            "The exported operation is not in the caller's trace.");
    }

    private static Task<ShopServer> StartShopAsync(Ingestion ingestion) =>
        ShopServer.StartAsync(settings:
        [
            $"APPLICATIONINSIGHTS_CONNECTION_STRING=InstrumentationKey={Guid.NewGuid()};IngestionEndpoint={ingestion.Endpoint}/;LiveEndpoint={ingestion.Endpoint}/",

            // Nothing leaves the machine: no live metrics, and none of the exporter's reports about itself to Microsoft.
            "OrleansShop:Telemetry:AzureMonitor:EnableLiveMetrics=false",
            "OrleansShop:Telemetry:AzureMonitor:EnableStatsbeat=false",

            // Every trace, so that each operation is certainly exported.
            "OrleansShop:Telemetry:TraceSampleRatio=1",
            "OTEL_BSP_SCHEDULE_DELAY=100",
            .. ShopServer.LimitsForManyTests,
        ]);

    /// <summary>An Application Insights ingestion endpoint on loopback that keeps every post's (unzipped) body.</summary>
    private sealed class Ingestion : IAsyncDisposable
    {
        private readonly WebApplication app;

        private Ingestion(WebApplication app, ConcurrentQueue<string> received, string endpoint)
        {
            this.app = app;
            Received = received;
            Endpoint = endpoint;
        }

        public ConcurrentQueue<string> Received { get; }

        public string Endpoint { get; }

        public int Posts => Received.Count;

        public static async Task<Ingestion> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var received = new ConcurrentQueue<string>();
            app.MapPost("/{**path}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                var content = context.Request.Headers.ContentEncoding == "gzip"
                    ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
                    : context.Request.Body;
                await content.CopyToAsync(body, context.RequestAborted);
                received.Enqueue(Encoding.UTF8.GetString(body.ToArray()));
                return Results.Json(new { itemsReceived = 1, itemsAccepted = 1, errors = Array.Empty<object>() });
            });
            await app.StartAsync(TestContext.Current.CancellationToken);
            var endpoint = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new Ingestion(app, received, endpoint);
        }

        /// <summary>Waits until a telemetry item named after each operation was posted; returns the names never posted.</summary>
        public async Task<List<string>> EventuallyAllAsync(IReadOnlyList<string> operations)
        {
            var texts = operations.Select(o => $"\"{o}\"").ToList();
            var deadline = DateTime.UtcNow + Within;
            while (true)
            {
                var missing = texts.Where(t => !Received.Any(r => r.Contains(t, StringComparison.Ordinal))).Select(t => t.Trim('"')).ToList();
                if (missing.Count == 0 || DateTime.UtcNow > deadline)
                {
                    return missing;
                }

                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
