using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OrleansShop.Providers.Sqlite.Tests.Support;

/// <summary>Builds a grain storage provider outside a silo, with Orleans' serializer for this test assembly's types.</summary>
internal static class StorageHarness
{
    private static readonly ServiceProvider s_services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public static SqliteGrainStorage Create(string databasePath, Action<SqliteGrainStorageOptions>? configure = null, string serviceId = "test-service")
    {
        var options = new SqliteGrainStorageOptions
        {
            DatabasePath = databasePath,
            GrainStorageSerializer = new OrleansGrainStorageSerializer(s_services.GetRequiredService<Serializer>()),
        };
        configure?.Invoke(options);
        return new SqliteGrainStorage("test", serviceId, options, s_services.GetRequiredService<IActivatorProvider>(), NullLogger<SqliteGrainStorage>.Instance);
    }

    public static GrainId Grain(string key) => GrainId.Create("counter", key);

    public static TestGrainState<T> State<T>(T state, string? eTag = null) => new(state) { ETag = eTag };
}
