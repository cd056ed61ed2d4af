using Orleans;
using Orleans.Runtime;

namespace OrleansShop.Providers.AdoNet;

/// <summary>Fails silo start-up, before any database call, on a migration with no connection string or an unknown dialect.</summary>
internal sealed class AdoNetSchemaMigrationOptionsValidator(AdoNetSchemaMigrationOptions options) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new OrleansConfigurationException(
                $"Invalid {nameof(AdoNetSchemaMigrationOptions)}: {nameof(AdoNetSchemaMigrationOptions.ConnectionString)} is required.");
        }

        if (!Enum.IsDefined(options.Dialect))
        {
            throw new OrleansConfigurationException(
                $"Invalid {nameof(AdoNetSchemaMigrationOptions)}: {nameof(AdoNetSchemaMigrationOptions.Dialect)} {options.Dialect} is not one of {string.Join(", ", Enum.GetNames<AdoNetDialect>())}.");
        }
    }
}
