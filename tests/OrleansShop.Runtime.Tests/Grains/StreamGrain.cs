using OrleansShop.Runtime.Streams;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

/// <summary>Reports each item to the probe as "key got n", or "key got n inside another call" if it ever interleaved.</summary>
public sealed class StreamGrain(TestProbe probe) : Grain, IStreamGrain
{
    public const string Provider = "streams";
    public const string Namespace = "numbers";

    private readonly List<int> received = [];
    private bool busy;

    public async Task SubscribeAsync(string streamKey) =>
        await Stream(streamKey).SubscribeAsync(async (item, _) =>
        {
            var interleaved = busy;
            busy = true;
            await Task.Yield();
            received.Add(item);
            busy = false;
            probe.Record($"{this.GetPrimaryKeyString()} got {item}{(interleaved ? " inside another call" : string.Empty)}");
        });

    public async Task UnsubscribeAsync(string streamKey)
    {
        foreach (var handle in await Stream(streamKey).GetAllSubscriptionHandles())
        {
            await handle.UnsubscribeAsync();
        }
    }

    public async Task HoldAsync()
    {
        busy = true;
        probe.Record($"{this.GetPrimaryKeyString()} holding");
        await probe.Signal("release").Task;
        busy = false;
    }

    public async Task PublishAsync(string streamKey, int first, int count)
    {
        var stream = Stream(streamKey);
        for (var i = first; i < first + count; i++)
        {
            await stream.OnNextAsync(i);
        }
    }

    public Task<IReadOnlyList<int>> GetReceivedAsync() => Task.FromResult<IReadOnlyList<int>>([.. received]);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private IAsyncStream<int> Stream(string key) => this.GetStreamProvider(Provider).GetStream<int>(StreamId.Create(Namespace, key));
}
