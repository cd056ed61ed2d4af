namespace OrleansShop.Providers.AdoNet.Tests.Grains;

public class SiloLocatorGrain : Grain, ISiloLocatorGrain
{
    public Task<string> SiloAddress() => Task.FromResult(RuntimeIdentity);
}
