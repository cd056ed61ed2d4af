using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Streams;
using Orleans.Streams.Core;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// Hands each order event of one partition to the live subscriptions (GraphQL orderStatusChanged, on the commerce memory
/// stream of that order) and then to every <see cref="IOrderEventConsumer"/>. A consumer's exception propagates, so the
/// stream provider redelivers the event, to every consumer again: each is idempotent.
/// </summary>
[ImplicitStreamSubscription(DomainEvents.OrderNamespace)]
[GrainType("order-event-dispatcher")]
internal sealed class OrderEventDispatcherGrain(IEnumerable<IOrderEventConsumer> consumers, ILogger<OrderEventDispatcherGrain> logger)
    : Grain, IEventDispatcherGrain, IStreamSubscriptionObserver, IAsyncObserver<OrderEvent>
{
    private readonly IOrderEventConsumer[] consumers = [.. consumers];

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => handleFactory.Create<OrderEvent>().ResumeAsync(this);

    public async Task OnNextAsync(OrderEvent item, StreamSequenceToken? token = null)
    {
        await this.TryPublishAsync(CommerceStreams.ForOrder(item.Order.Id), item.Order, logger);
        foreach (var consumer in consumers)
        {
            await consumer.ConsumeAsync(item, CancellationToken.None);
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
