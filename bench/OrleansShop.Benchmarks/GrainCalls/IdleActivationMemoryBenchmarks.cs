using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Hosting;

namespace OrleansShop.Benchmarks.GrainCalls;

/// <summary>
/// Memory of 100,000 idle activations of a grain with a small persistent state. The setup activates them and prints
/// the managed heap they hold (after a full GC); the benchmark then calls one grain among them, to show a large
/// directory does not slow calls down.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class IdleActivationMemoryBenchmarks
{
    private const int Activations = 100_000;

    private IHost? host;
    private IBenchCounterGrain[] grains = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var (started, factory) = BenchSilo.StartAsync().GetAwaiter().GetResult();
        host = started;
        grains = [.. Enumerable.Range(0, Activations).Select(i => factory.GetGrain<IBenchCounterGrain>(i))];
        for (var batch = 0; batch < Activations; batch += 1_000)
        {
            Task.WhenAll(grains.Skip(batch).Take(1_000).Select(g => g.TouchAsync())).GetAwaiter().GetResult();
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var megabytes = (after - before) / (1024.0 * 1024.0);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Managed heap held by {Activations:N0} idle activations (with silo): {megabytes:F1} MB, {(after - before) / Activations} bytes per activation"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        host?.StopAsync().GetAwaiter().GetResult();
        host?.Dispose();
    }

    [Benchmark]
    public Task CallOneOf100000IdleActivations() => grains[next++ % Activations].TouchAsync();
}
