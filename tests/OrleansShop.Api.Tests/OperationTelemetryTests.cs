using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansShop.Api.Schema;
using OrleansShop.Api.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Api.Tests;

/// <summary>GraphQL operations as spans and metrics: seen by in-process listeners, and exported over OTLP/HTTP.</summary>
public sealed class OperationTelemetryTests(SharedShopServer fixture)
{
    [Fact]
    public async Task Each_operation_is_a_span_named_after_it_with_a_duration_and_errors_by_code()
    {
        var name = "Telemetry" + Guid.NewGuid().ToString("N")[..12];
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OperationTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var durations = new ConcurrentQueue<(double Seconds, Dictionary<string, object?> Tags)>();
        var errorCodes = new ConcurrentQueue<string?>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OperationTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((_, value, tags, _) => durations.Enqueue((value, Tags(tags))));
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) => errorCodes.Enqueue(Tags(tags).GetValueOrDefault("code") as string));
        meters.Start();

        await fixture.Server.PostAsync($"query {name} {{ __typename }}");
        await fixture.Server.PostAsync($"query {name}Fails {{ product(id: \"UHJvZHVjdDpub3BlMQ==\") {{ id }} nope }}");

        var ok = Assert.Single(spans, s => s.DisplayName == $"query {name}");
        Assert.Equal(("query", name), ((string?)ok.GetTagItem("graphql.operation.type"), (string?)ok.GetTagItem("graphql.operation.name")));
        Assert.Equal(ActivityStatusCode.Unset, ok.Status);
        var failed = Assert.Single(spans, s => s.DisplayName == $"query {name}Fails");
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        var measured = Assert.Single(durations, d => Equals(d.Tags["graphql.operation.name"], name));
        Assert.InRange(measured.Seconds, 0, 30);
        Assert.Equal(false, measured.Tags["error"]);
        Assert.Contains(durations, d => Equals(d.Tags["graphql.operation.name"], name + "Fails") && Equals(d.Tags["error"], true));
        Assert.NotEmpty(errorCodes);
    }

    [Fact]
    public void Client_chosen_names_become_tags_only_while_few_and_plain()
    {
        var names = new BoundedNames(limit: 2);

        Assert.Equal(("A", "B", "A"), (names.Bound("A"), names.Bound("B"), names.Bound("A")));
        Assert.Equal(BoundedNames.Other, names.Bound("C"));
        Assert.Equal(BoundedNames.Other, new BoundedNames(10).Bound("name with spaces"));
        Assert.Equal(BoundedNames.Other, new BoundedNames(10).Bound(new string('x', 65)));
        Assert.Null(names.Bound(null));
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_operations_are_exported_with_their_grain_calls_and_no_password_goes_with_them()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is OperationTelemetry.Name || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var receiver = OtlpReceiver.Start();
        await using var server = await ShopServer.StartAsync(settings:
        [
            "OTEL_EXPORTER_OTLP_ENDPOINT=" + receiver.Endpoint,
            "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
            "OTEL_BSP_SCHEDULE_DELAY=100",
            "OTEL_METRIC_EXPORT_INTERVAL=200",
            "OrleansShop:Telemetry:TraceSampleRatio=1",
            "OrleansShop:Telemetry:GrainCallSpans=true",
        ]);
        var name = "Exported" + Guid.NewGuid().ToString("N")[..12];
        const string password = "otlp-secret-Pa55word-never-exported";
        await server.DataAsync(
            $"mutation {name}($input: RegisterInput!) {{ register(input: $input) {{ errors {{ code }} }} }}",
            new { input = new { email = ShopServer.UniqueEmail(), password, displayName = "Telemetry" } });

        Assert.True(
            await receiver.EventuallyHoldsAsync(TimeSpan.FromSeconds(20), "/v1/traces", Encoding.UTF8.GetBytes("mutation " + name)),
            $"No exported span named after the operation ({receiver.Received.Count} exports).");
        Assert.False(receiver.Received.Any(r => r.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(password)) >= 0), "The password was exported.");

        // The grain calls the mutation made are spans of the same trace (across processes: Cluster.Tests' TraceContextTests).
        var operation = Assert.Single(spans, s => s.DisplayName == "mutation " + name);
        var grainCalls = spans.Where(s => s.TraceId == operation.TraceId && s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)).ToList();
        Assert.True(grainCalls.Count > 0, $"No Orleans span in the operation's trace; Orleans spans seen: {spans.Count(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal))}.");
        Assert.Contains(grainCalls, s => s.DisplayName.Contains("Register", StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        return copy;
    }
}
