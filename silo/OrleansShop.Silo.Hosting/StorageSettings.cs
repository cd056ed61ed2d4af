using OrleansShop.Providers.AdoNet;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Which database holds a host's grain state, reminders and stream subscriptions, as configuration names it
/// (<c>OrleansShop:Storage</c>, e.g. <c>OrleansShop__Storage__Provider=postgres</c>).
/// </summary>
public sealed class StorageSettings
{
    /// <summary><c>sqlite</c> (the embedded default), <c>postgres</c> or <c>sqlserver</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The server's connection string; unused for SQLite, whose file lives in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The provider's canonical name; throws naming the setting when it is none of the three.</summary>
    public string Dialect => CanonicalName(Provider) ?? throw new InvalidOperationException(
        $"OrleansShop:Storage:Provider '{Provider}' is not known; use sqlite, postgres or sqlserver.");

    /// <summary>Whether <see cref="Provider"/> names one of the three, for checks that report an unknown one elsewhere.</summary>
    public bool IsKnownProvider => CanonicalName(Provider) is not null;

    private static string? CanonicalName(string provider) => provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => "sqlite",
        "postgres" or "postgresql" or "npgsql" => "postgres",
        "sqlserver" or "mssql" or "azuresql" => "sqlserver",
        _ => null,
    };

    /// <summary>The database server Orleans' ADO.NET providers run on; null for SQLite, which has providers of its own.</summary>
    public AdoNetDialect? AdoNetDialect => Dialect switch
    {
        "postgres" => Providers.AdoNet.AdoNetDialect.PostgreSql,
        "sqlserver" => Providers.AdoNet.AdoNetDialect.SqlServer,
        _ => null,
    };

    public string RequireConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new InvalidOperationException($"OrleansShop:Storage:ConnectionString is required for the '{Provider}' provider.")
            : ConnectionString;
}
