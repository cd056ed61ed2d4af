using System.Diagnostics;
using System.Globalization;
using Orleans.Streams;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Bench.Streams;

[PublisherSiloPlacement]
public sealed class PublisherGrain : Grain, IPublisherGrain
{
    public const string Namespace = "bench-events";

    private IAsyncStream<BenchEvent>? _stream;

    public async Task PublishAsync(long firstSequence, int count)
    {
        _stream ??= this.GetStreamProvider(DomainEvents.Provider)
            .GetStream<BenchEvent>(StreamId.Create(Namespace, StreamKey((int)this.GetPrimaryKeyLong())));
        var publisher = (int)this.GetPrimaryKeyLong();
        for (var i = 0; i < count; i++)
        {
            await _stream.OnNextAsync(new BenchEvent(publisher, firstSequence + i, Stopwatch.GetTimestamp()));
        }
    }

    public static string StreamKey(int publisher) => publisher.ToString("D2", CultureInfo.InvariantCulture);
}
