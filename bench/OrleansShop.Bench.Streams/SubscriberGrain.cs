using System.Diagnostics;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace OrleansShop.Bench.Streams;

/// <summary>Receives one publisher's stream on the consuming silo and records each event's time from publish to here.</summary>
[ImplicitStreamSubscription(PublisherGrain.Namespace)]
[ConsumerSiloPlacement]
public sealed class SubscriberGrain(Deliveries deliveries) : Grain, ISubscriberGrain, IStreamSubscriptionObserver, IAsyncObserver<BenchEvent>
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<BenchEvent>().ResumeAsync(this);

    public Task OnNextAsync(BenchEvent item, StreamSequenceToken? token = null)
    {
        deliveries.Record(item, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
