using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;
using OrleansShop.ReadModels;
using OrleansShop.ReadModels.Catalog;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Sql;

// The silo host: one cluster member running the commerce grains on SQL storage (no GraphQL; the API co-hosts its own
// silo in embedded mode). `dotnet run --project silo/OrleansShop.Silo -- migrate` only creates or upgrades the schema.
var builder = WebApplication.CreateBuilder(args);
var shop = builder.Configuration.GetSection("OrleansShop");
var dataDirectory = shop["DataDirectory"] ?? "./data";
var storage = shop.GetSection("Storage").Get<SqlStorageSettings>() ?? new SqlStorageSettings();

if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    var result = await SqlStorageSelection.CreateMigrator(storage, dataDirectory).MigrateAsync();
    Console.WriteLine($"Schema at version {result.CurrentVersion} ({result.AppliedVersions.Count} script(s) applied).");
    return;
}

builder.Services.AddCommerceOptions(builder.Configuration);
if (storage.Dialect is "sqlite" or "postgres")
{
    // The catalog grains of every silo keep the catalog read model current; SQL Server has no read models yet.
    builder.Services.AddCatalogReadModel(ReadModelDatabase.FromSettings(storage, dataDirectory));
}

builder.UseSilo(silo => silo
    .AddGrains(typeof(CommerceServiceCollectionExtensions).Assembly)
    .AddSqlStorage(storage, dataDirectory, o => o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, CommerceJson.StateResolver))
    .AddMemoryStreams(CommerceStreams.Provider));
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/health");
app.MapGet("/", () => "OrleansShop silo. The GraphQL API runs in api/OrleansShop.Api (see README.md).");
app.Run();
