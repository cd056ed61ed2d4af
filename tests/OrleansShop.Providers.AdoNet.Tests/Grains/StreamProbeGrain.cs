using Orleans.Streams;
using Orleans.Streams.Core;

namespace OrleansShop.Providers.AdoNet.Tests.Grains;

[ImplicitStreamSubscription(StreamDeliveries.Namespace)]
public sealed class StreamProbeGrain(StreamDeliveries deliveries) : Grain, IStreamProbeGrain, IStreamSubscriptionObserver, IAsyncObserver<int>
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<int>().ResumeAsync(this);

    public Task OnNextAsync(int item, StreamSequenceToken? token = null)
    {
        deliveries.Record(this.GetPrimaryKeyString(), item);
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
