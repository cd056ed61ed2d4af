using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace OrleansShop.Providers.Sqlite;

/// <summary>Fails silo start-up when the SQLite reminder table has no database file.</summary>
public sealed class SqliteReminderTableOptionsValidator(IOptions<SqliteReminderTableOptions> options) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        if (string.IsNullOrWhiteSpace(options.Value.DatabasePath))
        {
            throw new OrleansConfigurationException(
                $"Invalid {nameof(SqliteReminderTableOptions)}: {nameof(SqliteReminderTableOptions.DatabasePath)} is required (the SQLite database file).");
        }
    }
}
