namespace OrleansShop.Api.Tests.Support;

/// <summary>A fixture's server: started with the many-requests rate limits before the first test, stopped after the last.</summary>
public abstract class OwnedShopServer : IAsyncLifetime
{
    private ShopServer? server;

    public ShopServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public async ValueTask InitializeAsync() => server = await ShopServer.StartAsync(settings: ShopServer.LimitsForManyTests);

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
