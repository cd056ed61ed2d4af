using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansShop.Providers.Benchmarks;
using OrleansShop.Providers.Sqlite;

// Usage: OrleansShop.Providers.Benchmarks [runs=3] [writeSeconds=5] [grains=100] [activations=20000]
// Bounded: every phase has a fixed duration or a fixed count; the program ends by itself.
var runs = Argument(0, 3);
var writeSeconds = Argument(1, 5);
var writerGrains = Argument(2, 100);
var activations = Argument(3, 20_000);
var root = Path.Combine(Path.GetTempPath(), "orleansshop-provider-bench", DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));

var results = new Dictionary<(string Provider, string Figure), List<double>>();
foreach (var run in Enumerable.Range(1, runs))
{
    foreach (var provider in new[] { "ours", "adonet" })
    {
        var path = Path.Combine(root, $"{provider}-{run}", "bench.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (provider == "adonet")
        {
            AdoNetSqliteSetup.Create(path);
        }

        var writes = await MeasureWritesAsync(provider, path);
        var activated = await MeasureActivationsAsync(provider, path);
        Record(provider, "writes/s", writes);
        Record(provider, "activations/s", activated);
        Console.WriteLine(FormattableString.Invariant($"run {run} {provider,-6}: {writes,10:N0} writes/s  {activated,10:N0} activations/s"));
    }
}

Console.WriteLine();
Console.WriteLine("| figure | ours (median) | Orleans ADO.NET on SQLite (median) | ratio ours/ADO.NET |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var figure in new[] { "writes/s", "activations/s" })
{
    var ours = Median(results[("ours", figure)]);
    var adoNet = Median(results[("adonet", figure)]);
    Console.WriteLine(FormattableString.Invariant($"| {figure} | {ours:N0} | {adoNet:N0} | {ours / adoNet:N1} |"));
}

try
{
    Directory.Delete(root, recursive: true);
}
catch (IOException)
{
    // Left for the OS's temp cleanup.
}

return;

// (a) 100 grains, each writing its state in a loop for a fixed time; all writes are durable when counted.
async Task<double> MeasureWritesAsync(string provider, string path)
{
    using var host = await StartSiloAsync(provider, path);
    var grains = host.Services.GetRequiredService<IGrainFactory>();
    var writers = Enumerable.Range(0, writerGrains).Select(i => grains.GetGrain<IBenchGrain>(1_000_000 + i)).ToArray();
    await Task.WhenAll(writers.Select(g => g.WriteFor(TimeSpan.FromMilliseconds(300)))); // activate and warm up
    var started = Stopwatch.GetTimestamp();
    var counts = await Task.WhenAll(writers.Select(g => g.WriteFor(TimeSpan.FromSeconds(writeSeconds))));
    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    await host.StopAsync();
    return counts.Sum() / elapsed;
}

// (b) N grains with stored state, the silo restarted (so none is active), then each activated by one call.
async Task<double> MeasureActivationsAsync(string provider, string path)
{
    using (var seeding = await StartSiloAsync(provider, path))
    {
        var grains = seeding.Services.GetRequiredService<IGrainFactory>();
        await ForEachAsync(activations, i => grains.GetGrain<IBenchGrain>(i).Seed());
        await seeding.StopAsync();
    }

    using var host = await StartSiloAsync(provider, path);
    var factory = host.Services.GetRequiredService<IGrainFactory>();
    var started = Stopwatch.GetTimestamp();
    var total = 0L;
    await ForEachAsync(activations, async i => Interlocked.Add(ref total, await factory.GetGrain<IBenchGrain>(i).Read()));
    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    if (total != activations)
    {
        throw new InvalidOperationException($"{provider}: activated grains read {total} stored writes, expected {activations}.");
    }

    await host.StopAsync();
    return activations / elapsed;
}

async Task<IHost> StartSiloAsync(string provider, string path)
{
    var builder = Host.CreateApplicationBuilder();
    // Errors only: on a loaded machine Orleans warns about every long turn, which would drown the figures.
    builder.Logging.SetMinimumLevel(LogLevel.Error);
    builder.UseOrleans(silo =>
    {
        silo.UseLocalhostClustering();
        silo.Configure<ClusterOptions>(options => { options.ClusterId = "bench"; options.ServiceId = "bench"; });
        silo.Configure<GrainCollectionOptions>(options => options.CollectionAge = TimeSpan.FromMinutes(10));
        if (provider == "ours")
        {
            silo.AddSqliteGrainStorage(BenchGrain.StorageName, options => options.DatabasePath = path);
        }
        else
        {
            silo.AddAdoNetGrainStorage(BenchGrain.StorageName, optionsBuilder => optionsBuilder.Configure<IServiceProvider>((options, services) =>
            {
                options.Invariant = "System.Data.SQLite";
                options.ConnectionString = AdoNetSqliteSetup.ConnectionString(path);
                // The same serializer as ours, so that the figures compare storage, not serialization.
                options.GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
            }));
        }
    });
    var host = builder.Build();
    await host.StartAsync();
    return host;
}

// Runs body(0..count-1) with at most 1,000 calls in flight.
static Task ForEachAsync(int count, Func<int, Task> body) =>
    Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 1_000 }, async (i, _) => await body(i));

void Record(string provider, string figure, double value)
{
    if (!results.TryGetValue((provider, figure), out var values))
    {
        results[(provider, figure)] = values = [];
    }

    values.Add(value);
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

int Argument(int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
