using System.Threading.Channels;
using Orleans.Streams;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains.Tests.Support;

/// <summary>A live subscriber to one commerce stream through the cluster's client, that hands over what it received in order.</summary>
internal sealed class StreamRecorder<T>
{
    private readonly Channel<T> received = Channel.CreateUnbounded<T>();

    private StreamRecorder()
    {
    }

    /// <summary>
    /// Subscribes to what is published from now on. Orleans' memory streams deliver to a new subscriber what their
    /// pulling agent takes from the queue after it subscribed, even items published just before: waiting a few of the
    /// agent's 100 ms pulls first lets those reach the cache, where a subscriber without a token never sees them.
    /// </summary>
    public static async Task<StreamRecorder<T>> SubscribeAsync(ShopSilo silo, StreamId streamId)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        var recorder = new StreamRecorder<T>();
        var stream = silo.Client.GetStreamProvider(CommerceStreams.Provider).GetStream<T>(streamId);
        await stream.SubscribeAsync((item, _) => recorder.received.Writer.WriteAsync(item).AsTask());
        return recorder;
    }

    /// <summary>The next <paramref name="count"/> items, failing if they do not arrive within a few seconds.</summary>
    public async Task<IReadOnlyList<T>> NextAsync(int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var items = new List<T>(count);
        while (items.Count < count)
        {
            items.Add(await received.Reader.ReadAsync(timeout.Token));
        }

        return items;
    }

    /// <summary>Whatever arrived and was not taken yet.</summary>
    public IReadOnlyList<T> Pending()
    {
        var items = new List<T>();
        while (received.Reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }
}
