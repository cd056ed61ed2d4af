using OrleansShop.Api.Tests.Support;

[assembly: AssemblyFixture(typeof(SharedShopServer))]

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// One server for every test class that asks for it, started once for the assembly: each test makes its own customers,
/// products, carts and orders (and searches by a word of its own), so they share it without seeing each other. Classes
/// that load a server hard or time what it does keep a <see cref="ShopServerFixture"/> of their own.
/// </summary>
public sealed class SharedShopServer : IAsyncLifetime
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
    }
}
