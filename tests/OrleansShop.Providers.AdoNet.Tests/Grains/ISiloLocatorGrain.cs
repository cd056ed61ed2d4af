namespace OrleansShop.Providers.AdoNet.Tests.Grains;

public interface ISiloLocatorGrain : IGrainWithIntegerKey
{
    /// <summary>The address of the silo the activation runs on.</summary>
    Task<string> SiloAddress();
}
