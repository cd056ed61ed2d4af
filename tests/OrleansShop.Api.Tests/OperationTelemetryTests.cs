using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansShop.Api.Schema;
using OrleansShop.Api.Tests.Support;

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
    public async Task With_an_OTLP_endpoint_operations_are_exported_and_no_password_goes_with_them()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        var collector = WebApplication.CreateSlimBuilder();
        collector.Logging.ClearProviders();
        collector.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = collector.Build();
        receiver.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            received.Enqueue((context.Request.Path, body.ToArray()));
            return Results.Ok();
        });
        await receiver.StartAsync(TestContext.Current.CancellationToken);
        var endpoint = receiver.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        await using var server = await ShopServer.StartAsync(settings:
        [
            "OTEL_EXPORTER_OTLP_ENDPOINT=" + endpoint,
            "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
            "OTEL_BSP_SCHEDULE_DELAY=100",
            "OTEL_METRIC_EXPORT_INTERVAL=200",
        ]);
        var name = "Exported" + Guid.NewGuid().ToString("N")[..12];
        const string password = "otlp-secret-Pa55word-never-exported";
        await server.DataAsync(
            $"mutation {name}($input: RegisterInput!) {{ register(input: $input) {{ errors {{ code }} }} }}",
            new { input = new { email = ShopServer.UniqueEmail(), password, displayName = "Telemetry" } });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !Contains(received, "/v1/traces", "mutation " + name))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(Contains(received, "/v1/traces", "mutation " + name), $"No exported span named after the operation ({received.Count} exports).");
        Assert.False(received.Any(r => Encoding.UTF8.GetString(r.Body).Contains(password, StringComparison.Ordinal)), "The password was exported.");
    }

    private static bool Contains(IEnumerable<(string Path, byte[] Body)> received, string path, string text) =>
        received.Any(r => r.Path == path && Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));

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
