using OrleansShop.Providers.AdoNet;
using OrleansShop.Silo.Hosting;
using OrleansShop.Silo.Hosting.Payments;

// The silo host: one member of a cluster running the commerce grains on Microsoft Orleans, without GraphQL (API
// processes co-host their own silo, or run as cluster clients of several of these).
// `dotnet run --project silo/OrleansShop.Silo -- migrate` only creates or upgrades the database schema.
var builder = WebApplication.CreateBuilder(args);
builder.AddCommerceKeyVault();
var shop = builder.Configuration.GetSection(ShopOptions.Section).Get<ShopOptions>() ?? new ShopOptions();

if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    if (shop.Storage.AdoNetDialect is not { } dialect)
    {
        Console.WriteLine($"SQLite ({shop.SqliteDatabasePath}): the providers create their tables on first use; nothing to migrate.");
        return;
    }

    var result = await AdoNetSchemaMigrator.For(dialect, shop.Storage.RequireConnectionString()).MigrateAsync(CancellationToken.None);
    Console.WriteLine($"Schema at version {result.CurrentVersion} ({result.AppliedVersions.Count} script(s) applied).");
    return;
}

// Order grains take payments through the sandbox the API mounts; a silo host has none of its own to fall back on.
if (string.IsNullOrWhiteSpace(builder.Configuration[SandboxOptions.Section + ":BaseUrl"]))
{
    throw new InvalidOperationException(
        $"{SandboxOptions.Section}:BaseUrl is required on a silo host: the address of an API process serving the payment sandbox "
        + "(e.g. OrleansShop__Payments__Sandbox__BaseUrl=http://10.0.0.5:5000/), with the same WebhookSecret as the API.");
}

builder.AddCommerceSilo();

var app = builder.Build();
app.MapCommerceHealth();
app.MapGet("/", () => "OrleansShop silo. The GraphQL API runs in api/OrleansShop.Api (see README.md).");
app.Run();
