using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansShop.Runtime;
using OrleansShop.Runtime.Hosting;

namespace OrleansShop.Benchmarks.Storage;

/// <summary>
/// Grain activations whose state is read from SQLite through the engine: 10,000 stored carts, each called once by
/// 8 or 64 concurrent callers; every call activates its grain (construct, read state, OnActivateAsync) and then runs.
/// Before each iteration the silo is stopped (every activation deactivated) and started again on the same file.
/// One operation = one activation. Baseline: the same 10,000 rows by primary key on one raw SqliteConnection with
/// a prepared SELECT and the same JSON deserialization, one caller.
/// </summary>
[Config(typeof(StorageBenchmarkConfig))]
public class SqliteActivationBenchmarks
{
    private const int Grains = 10_000;

    private string _directory = "";
    private IHost? _host;
    private IBenchCartGrain[] _grains = [];
    private SqliteConnection _raw = null!;
    private SqliteCommand _rawRead = null!;
    private JsonSerializerOptions _json = null!;
    private string _grainType = "";

    /// <summary>Concurrent callers into the silo (the raw baseline always has one).</summary>
    [Params(8, 64)]
    public int Callers { get; set; }

    // Synchronous: the in-process toolchain (-i, used when the machine is too loaded to build the benchmark project
    // in time) does not wait for an async GlobalSetup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "orleansshop-bench-activation-" + Guid.NewGuid().ToString("N"));
        await StartSiloAsync();
        await Task.WhenAll(_grains.Select((grain, i) => grain.SeedAsync(
            new BenchmarkState("shopper-" + i, 3, ["sku-1001 x1 19.99 EUR", "sku-2002 x2 5.00 EUR"], 29.99m, "EUR"))));
        await StopSiloAsync();

        _json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        _json.TypeInfoResolverChain.Insert(0, BenchmarkJsonContext.Default);
        _raw = new SqliteConnection($"Data Source={Path.Combine(_directory, "orleansshop.db")};Pooling=false");
        _raw.Open();
        using (var type = _raw.CreateCommand())
        {
            type.CommandText = "SELECT GrainType FROM OrleansShopGrainState WHERE StateName = 'cart' LIMIT 1";
            _grainType = (string)type.ExecuteScalar()!;
        }

        _rawRead = _raw.CreateCommand();
        _rawRead.CommandText =
            "SELECT Payload, Version FROM OrleansShopGrainState WHERE ServiceId = @ServiceId AND GrainType = @GrainType AND GrainKey = @GrainKey AND StateName = @StateName";
        _rawRead.Prepare();
    }

    private async Task CleanupAsync()
    {
        await StopSiloAsync();
        _rawRead.Dispose();
        _raw.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Grains, Description = "raw: one connection, prepared SELECT by key + JSON, one caller")]
    public void RawSelectByKey()
    {
        for (var i = 0; i < Grains; i++)
        {
            _rawRead.Parameters.Clear();
            _rawRead.Parameters.AddWithValue("@ServiceId", "default");
            _rawRead.Parameters.AddWithValue("@GrainType", _grainType);
            _rawRead.Parameters.AddWithValue("@GrainKey", Key(i));
            _rawRead.Parameters.AddWithValue("@StateName", "cart");
            using var reader = _rawRead.ExecuteReader();
            if (!reader.Read() || JsonSerializer.Deserialize<BenchmarkState>(reader.GetString(0), _json)?.Items != 3)
            {
                throw new InvalidOperationException($"cart {i} has no state");
            }
        }
    }

    [IterationSetup(Target = nameof(ActivateThroughSilo))]
    public void RecycleSilo()
    {
        StopSiloAsync().GetAwaiter().GetResult();
        StartSiloAsync().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Grains, Description = "silo: activate 10,000 grains (state read from SQLite)")]
    public async Task ActivateThroughSilo()
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Grains)
            {
                if (await _grains[i].GetItemsAsync().ConfigureAwait(false) != 3)
                {
                    throw new InvalidOperationException($"cart {i} was activated without its state");
                }
            }
        })));
    }

    private static string Key(int i) => "cart-" + i;

    private async Task StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseSilo(silo => silo
            .AddGrains(typeof(BenchCartGrain).Assembly)
            .AddSqliteGrainStorage("Default", o =>
            {
                o.DataDirectory = _directory;
                o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, BenchmarkJsonContext.Default);
            }));
        _host = builder.Build();
        await _host.StartAsync().ConfigureAwait(false);
        var factory = _host.Services.GetRequiredService<IGrainFactory>();
        _grains = [.. Enumerable.Range(0, Grains).Select(i => factory.GetGrain<IBenchCartGrain>(Key(i)))];
    }

    private async Task StopSiloAsync()
    {
        if (_host is { } host)
        {
            _host = null;
            await host.StopAsync().ConfigureAwait(false);
            host.Dispose();
        }
    }
}
