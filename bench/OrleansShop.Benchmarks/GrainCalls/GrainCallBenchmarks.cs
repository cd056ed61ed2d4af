using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Hosting;

namespace OrleansShop.Benchmarks.GrainCalls;

/// <summary>
/// In-process grain calls: 1,000 grains called concurrently (all calls started, then awaited together), against the
/// same work on 1,000 SemaphoreSlim-guarded objects. Per-call numbers: OperationsPerInvoke = 1,000.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GrainCallBenchmarks
{
    private const int Grains = 1_000;

    private readonly Task<int>[] results = new Task<int>[Grains];
    private readonly Task[] completions = new Task[Grains];
    private IHost? host;
    private IBenchCounterGrain[] grains = [];
    private SemaphoreGuardedCounter[] counters = [];

    [GlobalSetup]
    public void Setup()
    {
        var (started, factory) = BenchSilo.StartAsync().GetAwaiter().GetResult();
        host = started;
        grains = [.. Enumerable.Range(0, Grains).Select(i => factory.GetGrain<IBenchCounterGrain>(i))];
        counters = [.. Enumerable.Range(0, Grains).Select(_ => new SemaphoreGuardedCounter())];

        // Activate every grain outside the measurement.
        Task.WhenAll(grains.Select(g => g.IncrementAsync())).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        host?.StopAsync().GetAwaiter().GetResult();
        host?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Grains)]
    public async Task<int> SemaphoreGuardedObject()
    {
        for (var i = 0; i < Grains; i++)
        {
            results[i] = counters[i].IncrementAsync();
        }

        await Task.WhenAll(results).ConfigureAwait(false);
        return results[0].Result;
    }

    [Benchmark(OperationsPerInvoke = Grains)]
    public async Task<int> GrainCallReturningInt()
    {
        for (var i = 0; i < Grains; i++)
        {
            results[i] = grains[i].IncrementAsync();
        }

        await Task.WhenAll(results).ConfigureAwait(false);
        return results[0].Result;
    }

    [Benchmark(OperationsPerInvoke = Grains)]
    public async Task GrainCallReturningTask()
    {
        for (var i = 0; i < Grains; i++)
        {
            completions[i] = grains[i].TouchAsync();
        }

        await Task.WhenAll(completions).ConfigureAwait(false);
    }
}
