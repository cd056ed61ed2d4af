namespace OrleansShop.Providers.AdoNet.Tests.Grains;

/// <summary>Consumes the probe streams through an implicit subscription; its key is the stream's key.</summary>
public interface IStreamProbeGrain : IGrainWithStringKey
{
}
