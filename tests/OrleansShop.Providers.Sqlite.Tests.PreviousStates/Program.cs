using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using OrleansShop.Providers.Sqlite;
using OrleansShop.Providers.Sqlite.Tests.PreviousStates;

// Usage: <database path> <service id> <grain key>. Writes state "cart" of grain cart/<key> as CartState.
var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
var options = new SqliteGrainStorageOptions
{
    DatabasePath = args[0],
    GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
};
await using var storage = new SqliteGrainStorage("test", args[1], options, services.GetRequiredService<IActivatorProvider>(), NullLogger<SqliteGrainStorage>.Instance);
var state = new GrainState<CartState>(new CartState { Lines = ["sku-1", "sku-2"], Total = 12.5m });
await storage.WriteStateAsync("cart", GrainId.Create("cart", args[2]), state);
Console.WriteLine(state.ETag);
