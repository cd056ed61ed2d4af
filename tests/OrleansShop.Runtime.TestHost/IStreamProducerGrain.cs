using OrleansShop.Runtime;

namespace OrleansShop.Runtime.TestHost;

/// <summary>Publishes numbered notes on a stream from inside a grain turn, as the shop's grains publish their events.</summary>
public interface IStreamProducerGrain : IGrainWithStringKey
{
    /// <summary>Publishes <c>prefix0</c> .. <c>prefix(count-1)</c> one after another; answers the silo it ran on.</summary>
    Task<string> ProduceAsync(string streamKey, string prefix, int count);
}
