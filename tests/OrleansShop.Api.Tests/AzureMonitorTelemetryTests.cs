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
/// loopback, named by the connection string as Application Insights' own would be, over real HTTP.
/// </summary>
[Collection(ProcessWideTelemetry.Name)]
public sealed class AzureMonitorTelemetryTests
{
    [Fact]
    public async Task With_an_Application_Insights_connection_string_GraphQL_operations_reach_its_ingestion_endpoint()
    {
        var received = new ConcurrentQueue<string>();
        var ingestion = WebApplication.CreateSlimBuilder();
        ingestion.Logging.ClearProviders();
        ingestion.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = ingestion.Build();
        receiver.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            var content = context.Request.Headers.ContentEncoding == "gzip"
                ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
                : context.Request.Body;
            await content.CopyToAsync(body, context.RequestAborted);
            received.Enqueue(Encoding.UTF8.GetString(body.ToArray()));
            return Results.Json(new { itemsReceived = 1, itemsAccepted = 1, errors = Array.Empty<object>() });
        });
        await receiver.StartAsync(TestContext.Current.CancellationToken);
        var endpoint = receiver.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        await using var server = await ShopServer.StartAsync(settings:
        [
            $"APPLICATIONINSIGHTS_CONNECTION_STRING=InstrumentationKey={Guid.NewGuid()};IngestionEndpoint={endpoint}/;LiveEndpoint={endpoint}/",

            // Nothing leaves the machine: no live metrics, and none of the exporter's reports about itself to Microsoft.
            "OrleansShop:Telemetry:AzureMonitor:EnableLiveMetrics=false",
            "OrleansShop:Telemetry:AzureMonitor:EnableStatsbeat=false",

            // The shop samples a share of traces (OrleansShop:Telemetry:TraceSampleRatio, for Azure Monitor as for OTLP); the
            // test asks for every trace, so that its one operation is certainly exported.
            "OrleansShop:Telemetry:TraceSampleRatio=1",
            "OTEL_BSP_SCHEDULE_DELAY=100",
        ]);
        var name = "Monitored" + Guid.NewGuid().ToString("N")[..12];
        await server.DataAsync($"query {name} {{ __typename }}");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !received.Any(r => r.Contains(name, StringComparison.Ordinal)))
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.True(received.Any(r => r.Contains("query " + name, StringComparison.Ordinal)), $"No telemetry named the operation ({received.Count} posts).");
    }
}
