using OrleansShop.Runtime.Hosting;
using OrleansShop.Silo;

// The silo host: one cluster member running the commerce grains on SQL storage.
// `dotnet run --project silo/OrleansShop.Silo -- migrate` only creates or upgrades the database schema.
var builder = WebApplication.CreateBuilder(args);
var shop = builder.Configuration.GetSection("OrleansShop");
var dataDirectory = shop["DataDirectory"] ?? "./data";
var storage = shop.GetSection("Storage").Get<ShopStorageSettings>() ?? new ShopStorageSettings();

if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    var result = await ShopStorage.MigrateAsync(storage, dataDirectory, CancellationToken.None);
    Console.WriteLine($"Schema at version {result.CurrentVersion} ({result.AppliedVersions.Count} script(s) applied).");
    return;
}

builder.UseSilo(silo => silo.AddShopStorage(storage, dataDirectory));
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/health");
app.MapGet("/", () => "OrleansShop silo is running. The GraphQL API is not served by this host yet; see README.md.");
app.Run();
