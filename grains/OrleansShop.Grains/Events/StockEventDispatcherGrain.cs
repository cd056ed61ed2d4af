using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Streams;
using Orleans.Streams.Core;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// Hands each stock event of one partition to the live subscriptions (GraphQL stockChanged, on the commerce memory stream
/// of that product) and then to every <see cref="IStockEventConsumer"/>, as <see cref="OrderEventDispatcherGrain"/> does
/// for orders.
/// </summary>
[ImplicitStreamSubscription(DomainEvents.StockNamespace)]
[GrainType("stock-event-dispatcher")]
internal sealed class StockEventDispatcherGrain(IEnumerable<IStockEventConsumer> consumers, ILogger<StockEventDispatcherGrain> logger)
    : Grain, IEventDispatcherGrain, IStreamSubscriptionObserver, IAsyncObserver<StockEvent>
{
    private readonly IStockEventConsumer[] consumers = [.. consumers];

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => handleFactory.Create<StockEvent>().ResumeAsync(this);

    public async Task OnNextAsync(StockEvent item, StreamSequenceToken? token = null)
    {
        await this.TryPublishAsync(CommerceStreams.ForStock(item.ProductId), item.Level, logger);
        foreach (var consumer in consumers)
        {
            await consumer.ConsumeAsync(item, CancellationToken.None);
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
