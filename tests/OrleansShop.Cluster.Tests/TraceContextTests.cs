using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using OrleansShop.Cluster.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Cluster.Tests;

/// <summary>
/// Tracing across processes: a request's trace, started by its caller, goes on in the silo host that runs the grains it
/// calls (with OrleansShop:Telemetry:GrainCallSpans, Orleans carries the trace context in each grain call), and both processes export their spans over OTLP.
/// </summary>
public sealed class TraceContextTests(PostgresServerFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_trace_begun_by_the_caller_continues_in_the_silo_that_runs_the_grains()
    {
        postgres.RequireServer();
        await using var receiver = OtlpReceiver.Start();
        await using var cluster = await ShopCluster.StartAsync(postgres, [NodeRole.Silo, NodeRole.ApiClient], new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",

            // Grain calls carry the trace context only when they are spans, which is off by default (it costs every call).
            ["OrleansShop__Telemetry__GrainCallSpans"] = "true",

            // The caller's sampled flag does not decide for an HTTP request (ShopTraceSampler): every trace is recorded here.
            ["OrleansShop__Telemetry__TraceSampleRatio"] = "1",
        }, Ct);
        const int silo = 0, api = 1;
        var admin = await cluster.AdminTokenAsync(Ct);
        var productId = await cluster.CreateProductAsync(api, admin, initialStock: 3, Ct);

        // The API is a cluster client: every grain the query reads runs in the silo host, another process.
        var trace = ActivityTraceId.CreateRandom();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(cluster.Node(api).BaseAddress, "graphql"))
        {
            Content = JsonContent.Create(new { query = "query($id: ID) { product(id: $id) { name stock { available } } }", variables = new { id = productId } }),
        };
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await http.SendAsync(request, Ct);
        Assert.Contains("\"available\":3", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var traceBytes = Convert.FromHexString(trace.ToHexString());
        Assert.True(
            await receiver.EventuallyHoldsAsync(TimeSpan.FromSeconds(20), "/v1/traces", traceBytes, Encoding.UTF8.GetBytes(cluster.NodeServiceName(api))),
            $"The API exported no span of the request's trace ({receiver.Received.Count} exports).");
        Assert.True(
            await receiver.EventuallyHoldsAsync(TimeSpan.FromSeconds(20), "/v1/traces", traceBytes, Encoding.UTF8.GetBytes(cluster.NodeServiceName(silo))),
            $"The silo host exported no span of the request's trace: its grain calls began traces of their own ({receiver.Received.Count} exports).");
    }
}
