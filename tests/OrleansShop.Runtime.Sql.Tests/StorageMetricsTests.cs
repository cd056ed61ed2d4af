using System.Diagnostics.Metrics;
using OrleansShop.Runtime.Sql.Tests.Support;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.Sql.Tests;

public sealed class StorageMetricsTests : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly MeterListener _listener = new();
    private readonly string _provider = "metrics-" + Guid.NewGuid().ToString("N");

    public StorageMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "OrleansShop.Runtime" && instrument.Name.StartsWith("orleansshop.storage.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagMap = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                tagMap[tag.Key] = tag.Value;
            }

            // Only this test's provider: other tests run in parallel and report to the same meter.
            if (Equals(tagMap.GetValueOrDefault("provider"), _provider))
            {
                lock (_measurements)
                {
                    _measurements.Add((instrument.Name, value, tagMap));
                }
            }
        });
        _listener.Start();
    }

    public ValueTask DisposeAsync()
    {
        _listener.Dispose();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Operations_and_failures_are_counted_by_provider_operation_and_reason()
    {
        await using var storage = SqlGrainStorage.CreateSqlite(_provider, new SqliteStorageOptions { DataDirectory = _directory.Path });
        var grain = new GrainId("CartGrain", "m");
        var ct = TestContext.Current.CancellationToken;

        await storage.WriteStateAsync("cart", grain, new GrainState<CartState>(new CartState("a", 1)), ct);
        await storage.ReadStateAsync("cart", grain, new GrainState<CartState>(null!), ct);
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync("cart", grain, new GrainState<CartState>(new CartState("b", 1)), ct));

        List<(string Instrument, long Value, Dictionary<string, object?> Tags)> seen;
        lock (_measurements)
        {
            seen = [.. _measurements];
        }

        var operations = seen.Where(m => m.Instrument == "orleansshop.storage.operations").ToList();
        var failures = seen.Where(m => m.Instrument == "orleansshop.storage.failures").ToList();
        Assert.Equal(2, operations.Count(m => Equals(m.Tags["operation"], "write")));
        Assert.Single(operations, m => Equals(m.Tags["operation"], "read"));
        Assert.All(operations, m => Assert.Equal("sqlite", m.Tags["dialect"]));
        var failure = Assert.Single(failures);
        Assert.Equal("write", failure.Tags["operation"]);
        Assert.Equal("conflict", failure.Tags["reason"]);
    }
}
