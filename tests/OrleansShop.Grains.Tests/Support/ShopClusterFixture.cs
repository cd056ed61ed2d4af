namespace OrleansShop.Grains.Tests.Support;

/// <summary>One cluster with the default configuration, shared by the tests of a class that only read or use keys of their own.</summary>
public sealed class ShopClusterFixture : IAsyncLifetime
{
    private ShopSilo? silo;

    internal ShopSilo Silo => silo ?? throw new InvalidOperationException("The cluster is not started.");

    public async ValueTask InitializeAsync() => silo = await ShopSilo.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}
