namespace OrleansShop.Providers.AdoNet.Tests.Grains;

public interface IProfileGrain : IGrainWithStringKey
{
    Task Rename(string name);

    Task<ProfileSnapshot> Read();

    Task Clear();

    Task Deactivate();
}
