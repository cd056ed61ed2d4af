using OrleansShop.Api.Schema;
using OrleansShop.GrainInterfaces;
using OrleansShop.Runtime.Streams;

namespace OrleansShop.Api.Tests.Support;

/// <summary>Who listens on the server's commerce streams: how a test knows a GraphQL subscription is live.</summary>
public static class StreamSubscribers
{
    public static StreamId StockStream(string productId) => CommerceStreams.ForStock(GlobalId.KeyOf(productId, "Product")!);

    public static StreamId OrderStream(string orderId) => CommerceStreams.ForOrder(GlobalId.KeyOf(orderId, "Order")!);

    /// <summary>
    /// Waits until the stream has <paramref name="expected"/> subscribers outside grains (the API's). The protocol does
    /// not acknowledge a subscribe, so this is also how a test knows a subscription is live before changing anything.
    /// </summary>
    public static async Task WaitForSubscribersAsync<T>(this ShopServer server, StreamId streamId, int expected)
    {
        var stream = server.Services.GetStreamProvider(CommerceStreams.Provider).GetStream<T>(streamId);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        int count;
        while ((count = (await stream.GetAllSubscriptionHandles()).Count) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Stream {streamId} has {count} subscribers, not {expected}.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
