using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, serving the test schema at /graphql.</summary>
internal sealed class GraphQLTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphQLTestHost(WebApplication app, ItemFeed feed, Uri baseAddress)
    {
        _app = app;
        Feed = feed;
        BaseAddress = baseAddress;
    }

    public ItemFeed Feed { get; }

    public Uri BaseAddress { get; }

    public Uri GraphQLUri => new(BaseAddress, "/graphql");

    public Uri WebSocketUri => new UriBuilder(GraphQLUri) { Scheme = "ws" }.Uri;

    public IServiceProvider Services => _app.Services;

    public static async Task<GraphQLTestHost> StartAsync(
        Action<GraphQLServerOptions>? configure = null,
        Action<GraphQLServerBuilder>? server = null,
        Action<WebApplication>? beforeMap = null,
        bool useWebSockets = true,
        ILoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        var feed = new ItemFeed();
        var graphQL = builder.Services.AddGraphQLServer(TestSchema.Create(feed), configure);
        server?.Invoke(graphQL);

        var app = builder.Build();
        if (useWebSockets)
        {
            app.UseWebSockets();
        }

        beforeMap?.Invoke(app);
        app.MapGraphQL("/graphql");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new GraphQLTestHost(app, feed, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
