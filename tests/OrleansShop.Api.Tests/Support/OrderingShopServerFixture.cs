using Microsoft.Extensions.DependencyInjection;
using OrleansShop.Grains;

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// A server whose orders can be paid without the sandbox provider's HTTP round trips: its payment gateway captures
/// every charge. Tests drive orders through the grains and watch what the API publishes.
/// </summary>
public sealed class OrderingShopServerFixture : IAsyncLifetime
{
    private ShopServer? server;

    public ShopServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public async ValueTask InitializeAsync() =>
        server = await ShopServer.StartAsync(settings: ShopServer.LimitsForManyTests, configure: builder => builder.Services.AddSingleton<IPaymentGateway>(new CapturingPaymentGateway()));

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
