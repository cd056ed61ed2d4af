using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansShop.Providers.Sqlite;

/// <summary>
/// Picks the state serializer when the options set none: one registered under the provider's name, else Orleans'
/// own binary serializer. Not Orleans' silo-wide default (JSON with .NET type names): with the binary serializer a
/// state type is known by its [Alias] and [Id]s, so renaming or moving a class does not orphan stored rows.
/// </summary>
internal sealed class SqliteGrainStorageSerializerConfigurator(IServiceProvider services) : IPostConfigureOptions<SqliteGrainStorageOptions>
{
    public void PostConfigure(string? name, SqliteGrainStorageOptions options)
    {
        options.GrainStorageSerializer ??=
            (name is null ? null : services.GetKeyedService<IGrainStorageSerializer>(name))
            ?? new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
    }
}
