using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Streams;

namespace OrleansShop.Runtime.TestHost;

// A stateless worker runs on the silo it is called from: the test chooses the producing silo by asking that silo.
[StatelessWorker(1)]
public sealed class StreamProducerGrain(IClusterMembership membership) : Grain, IStreamProducerGrain
{
    public async Task<string> ProduceAsync(string streamKey, string prefix, int count)
    {
        var stream = this.GetStreamProvider(StreamRecorder.Provider).GetStream<StreamNote>(StreamRecorder.StreamOf(streamKey));
        for (var i = 0; i < count; i++)
        {
            await stream.OnNextAsync(new StreamNote(prefix, i));
        }

        return membership.LocalSilo.ToString();
    }
}
