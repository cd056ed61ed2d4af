namespace OrleansShop.Api.Tests.Support;

/// <summary>A server whose payments all succeed, so tests can make paid orders through the grains.</summary>
public sealed class ReviewServerFixture : IAsyncLifetime
{
    private ShopServer? server;

    public ShopServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public async ValueTask InitializeAsync() =>
        server = await ShopServer.StartAsync(settings: ShopServer.LimitsForManyTests, configure: ApprovingPaymentGateway.Register);

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
