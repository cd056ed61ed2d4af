using System.Net;
using OrleansShop.GraphQL.LoadServer.Bare;
using OrleansShop.GraphQL.LoadServer.Catalog;

// The .NET server under load in bench/run-graphql.sh:
//   dotnet bin/Release/net10.0/OrleansShop.GraphQL.LoadServer.dll --urls http://127.0.0.1:5301
// POST /graphql is the engine's endpoint; POST /bare is the floor it is compared with. Logging is off so that neither
// endpoint pays for it.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddGraphQLServer(CatalogSchema.Create(), options => options.EnableIde = false);

var app = builder.Build();
app.MapGraphQL("/graphql");
app.MapPost("/bare", BareEndpoint.HandleAsync);

// A load target must never be reachable from outside the machine.
var urls = app.Configuration["urls"] ?? "http://127.0.0.1:5301";
foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
{
    var host = new Uri(url).Host;
    if (!(host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))))
    {
        Console.Error.WriteLine($"Refusing to listen on {url}: the load server binds to loopback only.");
        return 2;
    }
}

app.Urls.Clear();
foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
{
    app.Urls.Add(url);
}

await app.RunAsync().ConfigureAwait(false);
return 0;
