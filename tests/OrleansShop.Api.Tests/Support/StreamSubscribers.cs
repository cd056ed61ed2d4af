using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using OrleansShop.Api.Schema;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Tests.Support;

/// <summary>Who listens on the server's commerce streams: how a test knows a GraphQL subscription is live.</summary>
public static class StreamSubscribers
{
    public static StreamId StockStream(string productId) => CommerceStreams.ForStock(GlobalId.KeyOf(productId, "Product")!);

    public static StreamId OrderStream(string orderId) => CommerceStreams.ForOrder(GlobalId.KeyOf(orderId, "Order")!);

    /// <summary>
    /// Waits until the API has <paramref name="expected"/> subscriptions on the stream (Orleans lists the calling client's own). The protocol does
    /// not acknowledge a subscribe, so this is also how a test knows a subscription is live before changing anything.
    /// </summary>
    public static async Task WaitForSubscribersAsync<T>(this ShopServer server, StreamId streamId, int expected)
    {
        var stream = server.Services.GetRequiredService<IClusterClient>().GetStreamProvider(CommerceStreams.Provider).GetStream<T>(streamId);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        int count;
        while ((count = (await stream.GetAllSubscriptionHandles()).Count) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Stream {streamId} has {count} subscribers, not {expected}.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
