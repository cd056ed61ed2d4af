using Microsoft.Extensions.DependencyInjection;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Tests.Grains;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests;

public sealed class StatelessWorkerPoolTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pool_whose_workers_were_all_collected_leaves_the_directory_and_comes_back_on_the_next_call()
    {
        await using var silo = await TestSilo.StartAsync(s => s.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = TimeSpan.FromMilliseconds(150);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        }));
        var directory = silo.Services.GetRequiredService<SiloRuntime>().Directory;
        silo.Probe.Signal("release").TrySetResult();
        var worker = silo.GrainFactory.GetGrain<IWorkerGrain>(41);

        var first = await worker.WorkAsync();
        Assert.Equal(1, directory.Count);

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (directory.Count != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Cancel);
        }

        Assert.Equal(0, directory.Count);
        Assert.NotEqual(first, await worker.WorkAsync());
        Assert.Equal(1, directory.Count);
    }

    [Fact]
    public async Task Calls_racing_the_collection_of_a_pool_all_reach_a_worker()
    {
        await using var silo = await TestSilo.StartAsync(s => s.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = TimeSpan.FromMilliseconds(5);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(5);
        }));
        var directory = silo.Services.GetRequiredService<SiloRuntime>().Directory;
        silo.Probe.Signal("release").TrySetResult();

        // Each id's pool is emptied and retired again and again while calls, through the same references, arrive.
        var callers = Enumerable.Range(0, 4).Select(async id =>
        {
            var worker = silo.GrainFactory.GetGrain<IWorkerGrain>(100 + id);
            for (var i = 0; i < 50; i++)
            {
                await worker.WorkAsync().WaitAsync(TimeSpan.FromSeconds(5), Cancel);
                await Task.Delay(i % 7 * 2, Cancel);
            }
        });
        await Task.WhenAll(callers);

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (directory.Count != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Cancel);
        }

        Assert.Equal(0, directory.Count);
    }
}
