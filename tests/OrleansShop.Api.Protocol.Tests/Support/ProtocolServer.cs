using OrleansShop.Api.Protocol.Tests.Support;
using OrleansShop.Api.Tests.Support;

[assembly: AssemblyFixture(typeof(ProtocolServer))]

namespace OrleansShop.Api.Protocol.Tests.Support;

/// <summary>
/// One API server for the assembly: the real program on Kestrel (loopback, a free port) on a fresh data directory, with the
/// rate limits raised for one address sending hundreds of requests (the limits have tests of their own in the API tests).
/// Tests use only its addresses and the HTTP client.
/// </summary>
public sealed class ProtocolServer : IAsyncLifetime
{
    private ShopServer? server;

    public ShopServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public Uri GraphQLUri => new(Server.Http.BaseAddress!, "/graphql");

    public Uri WebSocketUri => Server.WebSocketUri;

    public async ValueTask InitializeAsync() => server = await ShopServer.StartAsync(settings: ShopServer.LimitsForManyTests);

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
