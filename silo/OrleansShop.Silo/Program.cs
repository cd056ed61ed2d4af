using OrleansShop.Silo.Hosting;
using OrleansShop.Silo.Hosting.Commands;
using OrleansShop.Silo.Hosting.Payments;

// The silo host: one member of a cluster running the commerce grains on Microsoft Orleans, without GraphQL (API
// processes co-host their own silo, or run as cluster clients of several of these).
// `dotnet run --project silo/OrleansShop.Silo -- migrate` only creates or upgrades the database schema; `backup --to DIR`
// and `restore --from DIR` back up and restore the shop's data; `dead-letters [--requeue]` lists the domain events
// ADO.NET streams gave up on and puts them back (ShopCommands).
if (ShopCommands.IsCommand(args))
{
    return await ShopCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCommerceKeyVault();

// Order grains take payments through the sandbox the API mounts; a silo host has none of its own to fall back on.
if (string.IsNullOrWhiteSpace(builder.Configuration[SandboxOptions.Section + ":BaseUrl"]))
{
    throw new InvalidOperationException(
        $"{SandboxOptions.Section}:BaseUrl is required on a silo host: the address of an API process serving the payment sandbox "
        + "(e.g. OrleansShop__Payments__Sandbox__BaseUrl=http://10.0.0.5:5000/), with the same WebhookSecret as the API.");
}

builder.AddCommerceSilo();

var app = builder.Build();
_ = app.Services.GetRequiredService<SandboxSecret>(); // a missing or short webhook secret stops start-up, not the first payment
app.MapCommerceHealth();
app.MapGet("/", () => "OrleansShop silo. The GraphQL API runs in api/OrleansShop.Api (see README.md).");
await app.RunAsync();
return 0;
