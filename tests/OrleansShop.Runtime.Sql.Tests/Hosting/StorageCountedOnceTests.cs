using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Sql.Tests.Grains;
using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Hosting;

/// <summary>
/// A grain's WriteStateAsync passes through the engine and then the provider: only one of them may count it.
/// Run alone: the measurements are not tagged by grain, so other tests' writes would be counted too.
/// </summary>
[Collection(RunAloneCollection.Name)]
public sealed class StorageCountedOnceTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task One_grain_state_write_through_a_silo_is_one_storage_operation_measurement()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseSilo(silo => silo
            .AddGrains(typeof(ShoppingListGrain).Assembly)
            .AddSqliteGrainStorage("Default", o => o.DataDirectory = _directory.Path));
        using var host = builder.Build();
        await host.StartAsync(ct);
        var list = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IShoppingListGrain>("counted-once");
        await list.GetAsync();

        var writes = 0;
        using (var listener = new MeterListener())
        {
            // Every storage operation counter of any of our meters, whatever its name: a duplicate under another name counts too.
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name.StartsWith("OrleansShop", StringComparison.Ordinal) &&
                    instrument.Name.Contains("storage", StringComparison.Ordinal) && instrument.Name.EndsWith(".operations", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "operation", Value: "write" })
                    {
                        Interlocked.Add(ref writes, (int)value);
                    }
                }
            });
            listener.Start();

            await list.AddAsync("milk");
        }

        Assert.Equal(1, writes);
        await host.StopAsync(ct);
    }
}
