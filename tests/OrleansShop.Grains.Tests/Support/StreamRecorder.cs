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

    public static async Task<StreamRecorder<T>> SubscribeAsync(ShopSilo silo, StreamId streamId)
    {
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
