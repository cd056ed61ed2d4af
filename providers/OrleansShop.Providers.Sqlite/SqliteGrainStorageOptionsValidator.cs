using Orleans;
using Orleans.Runtime;

namespace OrleansShop.Providers.Sqlite;

/// <summary>Fails silo start-up on options a SQLite grain storage provider cannot run with.</summary>
public sealed class SqliteGrainStorageOptionsValidator(SqliteGrainStorageOptions options, string name) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        var prefix = $"Invalid {nameof(SqliteGrainStorageOptions)} for SQLite grain storage provider '{name}': ";
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            throw new OrleansConfigurationException(prefix + $"{nameof(SqliteGrainStorageOptions.DatabasePath)} is required (the SQLite database file).");
        }

        if (options.GrainStorageSerializer is null)
        {
            throw new OrleansConfigurationException(prefix + $"{nameof(SqliteGrainStorageOptions.GrainStorageSerializer)} is not set.");
        }

        if (options.MaxPayloadBytes < 1)
        {
            throw new OrleansConfigurationException(prefix + $"{nameof(SqliteGrainStorageOptions.MaxPayloadBytes)} must be positive, not {options.MaxPayloadBytes}.");
        }

        if (!Enum.IsDefined(options.Synchronous))
        {
            throw new OrleansConfigurationException(prefix + $"{nameof(SqliteGrainStorageOptions.Synchronous)} '{options.Synchronous}' is not a known mode.");
        }
    }
}
