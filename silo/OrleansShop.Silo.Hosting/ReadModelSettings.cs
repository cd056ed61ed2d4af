using Npgsql;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Where the read models (catalog search, admin lists, the notification outbox) live, bound from
/// <c>OrleansShop:ReadModels</c>. Unset, they follow the grain storage: a SQLite file of their own in the data directory,
/// or tables in the PostgreSQL storage database. Set, they can live apart, e.g. in Azure Database for PostgreSQL beside
/// grain state on Azure SQL, which has no read models (<c>OrleansShop__ReadModels__Provider=postgres</c>).
/// </summary>
public sealed class ReadModelSettings
{
    public const string Section = ShopOptions.Section + ":ReadModels";

    /// <summary><c>postgres</c> or <c>sqlite</c>; unset: the storage provider's, when it has read models.</summary>
    public string? Provider { get; set; }

    /// <summary>The PostgreSQL connection string; unset: the storage's (when the storage is PostgreSQL too).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How the PostgreSQL connection signs in: <see cref="ReadModelAuthentication.Password"/> (whatever the connection
    /// string holds), or <see cref="ReadModelAuthentication.ManagedIdentity"/>: the process's Azure identity's Entra token as
    /// the password, renewed every <see cref="TokenRefreshInterval"/>.
    /// </summary>
    public ReadModelAuthentication Authentication { get; set; } = ReadModelAuthentication.Password;

    /// <summary>
    /// How often a new token is asked for (the credential serves it from its cache until it nears expiry, so this costs
    /// no sign-in). A token is only read when a connection is opened, so the pooled ones keep working while it is renewed.
    /// </summary>
    public TimeSpan TokenRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The read models' SQL dialect and connection string, or null for a host whose storage has none (SQL Server).</summary>
    /// <exception cref="InvalidOperationException">A setting that cannot work, named.</exception>
    public (string Dialect, string? ConnectionString)? Resolve(StorageSettings storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var problems = Problems(storage).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        var dialect = Dialect(storage);
        return dialect switch
        {
            null => null,
            "sqlite" => ("sqlite", null),
            _ => ("postgres", string.IsNullOrWhiteSpace(ConnectionString) ? storage.RequireConnectionString() : ConnectionString),
        };
    }

    /// <summary>What is wrong with these settings, one sentence each, naming the keys; empty when they are usable.</summary>
    public IEnumerable<string> Problems(StorageSettings storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        string? dialect;
        try
        {
            dialect = Dialect(storage);
        }
        catch (InvalidOperationException ex)
        {
            return [ex.Message];
        }

        var problems = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (dialect == "postgres" && !hasConnectionString && storage.Dialect != "postgres")
        {
            problems.Add($"{Section}:ConnectionString is required for read models on PostgreSQL when the storage ('{storage.Provider}') is not PostgreSQL.");
        }

        if (dialect == "sqlite" && hasConnectionString)
        {
            problems.Add($"{Section}:ConnectionString is not used by SQLite read models (a file in OrleansShop:DataDirectory); remove it or set {Section}:Provider=postgres.");
        }

        if (!Enum.IsDefined(Authentication))
        {
            problems.Add($"{Section}:Authentication '{Authentication}' is not known; use Password or ManagedIdentity.");
        }

        if (Authentication == ReadModelAuthentication.ManagedIdentity)
        {
            if (dialect != "postgres")
            {
                problems.Add($"{Section}:Authentication=ManagedIdentity signs in to PostgreSQL (Azure Database for PostgreSQL); the read models here are '{dialect ?? "none"}'.");
            }
            else if (HasPassword(hasConnectionString ? ConnectionString! : storage.ConnectionString))
            {
                problems.Add($"{Section}:Authentication=ManagedIdentity takes the password from an Entra token; remove Password from the connection string.");
            }

            if (TokenRefreshInterval <= TimeSpan.Zero)
            {
                problems.Add($"{Section}:TokenRefreshInterval must be positive; it is {TokenRefreshInterval}.");
            }
        }

        return problems;
    }

    /// <summary>The read models' dialect: the configured one, else the storage's when it has read models; null: none.</summary>
    private string? Dialect(StorageSettings storage) => Provider?.Trim().ToLowerInvariant() switch
    {
        null or "" => storage.Dialect is "sqlite" or "postgres" ? storage.Dialect : null,
        "sqlite" => "sqlite",
        "postgres" or "postgresql" or "npgsql" => "postgres",
        _ => throw new InvalidOperationException(
            $"{Section}:Provider '{Provider}' is not known; read models are written for sqlite and postgres (none for SQL Server yet)."),
    };

    private static bool HasPassword(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        try
        {
            return !string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(connectionString).Password);
        }
        catch (ArgumentException)
        {
            // A malformed connection string is Npgsql's to report, with its own message, when the data source is built.
            return false;
        }
    }
}
