using System.Net;
using OrleansShop.GraphQL.LoadServer.Bare;
using OrleansShop.GraphQL.LoadServer.Catalog;

namespace OrleansShop.GraphQL.LoadServer;

/// <summary>
/// The .NET server under load in bench/run-graphql.sh:
/// <c>dotnet bin/Release/net10.0/OrleansShop.GraphQL.LoadServer.dll --urls http://127.0.0.1:5301</c>.
/// POST /graphql is the engine's endpoint; POST /bare is the floor it is compared with. Logging is off so that neither
/// endpoint pays for it. (A namespaced class rather than top-level statements: the benchmarks project references this
/// one and has its own global <c>Program</c>.)
/// </summary>
internal static class Program
{
    private const string DefaultUrl = "http://127.0.0.1:5301";

    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddGraphQLServer(CatalogSchema.Create(), options => options.EnableIde = false);

        var app = builder.Build();
        app.MapGraphQL("/graphql");
        app.MapPost("/bare", BareEndpoint.HandleAsync);

        var urls = (app.Configuration["urls"] ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries);
        foreach (var url in urls)
        {
            if (!IsLoopback(new Uri(url).Host))
            {
                await Console.Error.WriteLineAsync($"Refusing to listen on {url}: the load server binds to loopback only.").ConfigureAwait(false);
                return 2;
            }
        }

        app.Urls.Clear();
        foreach (var url in urls)
        {
            app.Urls.Add(url);
        }

        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    // A load target must never be reachable from outside the machine.
    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
