using Orleans;
using Orleans.Storage;

namespace OrleansShop.Providers.Sqlite;

/// <summary>Options of one SQLite grain storage provider (named like the <c>storageName</c> of <c>[PersistentState]</c>).</summary>
public sealed class SqliteGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>The default <see cref="MaxPayloadBytes"/>: 1 MiB.</summary>
    public const int DefaultMaxPayloadBytes = 1024 * 1024;

    /// <summary>The default <see cref="InitStage"/>: the database opens with Orleans' application services.</summary>
    public const int DefaultInitStage = ServiceLifecycleStage.ApplicationServices;

    /// <summary>
    /// The database file; created with its folder when missing. Required. Grain storage and the reminder table may
    /// name the same file: they then share one writer connection.
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// Turns state into bytes. When unset, a serializer registered under the provider's name is used, else Orleans'
    /// own binary serializer (<see cref="OrleansGrainStorageSerializer"/>), so a state type is known by its
    /// <c>[Alias]</c> and <c>[Id]</c>s rather than its .NET name.
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;

    /// <summary>The largest serialized state accepted; a larger one is refused before anything is written.</summary>
    public int MaxPayloadBytes { get; set; } = DefaultMaxPayloadBytes;

    /// <summary>When true, clearing deletes the row; otherwise the row stays with no payload and a new version.</summary>
    public bool DeleteStateOnClear { get; set; }

    /// <summary>How hard each commit is pushed to the device. The first provider to open a file decides for it.</summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Normal;

    /// <summary>The silo lifecycle stage at which the database is opened and its schema created.</summary>
    public int InitStage { get; set; } = DefaultInitStage;
}
