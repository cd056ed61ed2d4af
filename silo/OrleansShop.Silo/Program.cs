using OrleansShop.Runtime.Sql;
using OrleansShop.Silo.Hosting;

// The silo host: one member of a cluster running the commerce grains on SQL storage, without GraphQL (API processes
// co-host their own silo, or several of these run behind them). `dotnet run --project silo/OrleansShop.Silo -- migrate`
// only creates or upgrades the schema.
var builder = WebApplication.CreateBuilder(args);
var shop = builder.Configuration.GetSection(ShopOptions.Section).Get<ShopOptions>() ?? new ShopOptions();

if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    var result = await SqlStorageSelection.CreateMigrator(shop.Storage, shop.DataDirectory).MigrateAsync();
    Console.WriteLine($"Schema at version {result.CurrentVersion} ({result.AppliedVersions.Count} script(s) applied).");
    return;
}

builder.AddCommerceSilo();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/health");
app.MapGet("/", () => "OrleansShop silo. The GraphQL API runs in api/OrleansShop.Api (see README.md).");
app.Run();
