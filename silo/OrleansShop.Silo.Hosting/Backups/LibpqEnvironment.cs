using System.Globalization;
using Npgsql;

namespace OrleansShop.Silo.Hosting.Backups;

/// <summary>
/// An Npgsql connection string as the environment variables libpq's tools (pg_dump, pg_restore) read, so that the
/// password travels in the child's environment, never on a command line (which any user can list) or in a log.
/// </summary>
internal static class LibpqEnvironment
{
    public static Dictionary<string, string> From(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // Npgsql's message may quote the string, password and all.
            throw new BackupException("OrleansShop:Storage:ConnectionString is not a valid Npgsql connection string.", e);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new BackupException("OrleansShop:Storage:ConnectionString names no Host.");
        }

        // Npgsql takes "host:port" per host in a list; libpq takes parallel lists in PGHOST and PGPORT.
        var hosts = new List<string>();
        var ports = new List<string>();
        foreach (var entry in builder.Host.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = entry.LastIndexOf(':');
            var bracketed = entry.StartsWith('[');
            if (colon > 0 && !entry.StartsWith('/') && (!bracketed || entry[colon - 1] == ']') && int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                hosts.Add(entry[..colon].Trim('[', ']'));
                ports.Add(port.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                hosts.Add(entry.Trim('[', ']'));
                ports.Add(builder.Port.ToString(CultureInfo.InvariantCulture));
            }
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PGHOST"] = string.Join(',', hosts),
            ["PGPORT"] = string.Join(',', ports),
            ["PGDATABASE"] = builder.Database ?? builder.Username ?? Environment.UserName,
            ["PGAPPNAME"] = "orleansshop-backup",
            ["PGCONNECT_TIMEOUT"] = Math.Max(2, builder.Timeout).ToString(CultureInfo.InvariantCulture),
        };
        Set(environment, "PGUSER", builder.Username);
        Set(environment, "PGPASSWORD", builder.Password);
        Set(environment, "PGPASSFILE", builder.Passfile);
        Set(environment, "PGSSLCERT", builder.SslCertificate);
        Set(environment, "PGSSLKEY", builder.SslKey);
        Set(environment, "PGSSLROOTCERT", builder.RootCertificate);
        environment["PGSSLMODE"] = builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        return environment;
    }

    /// <summary>The database the connection string names, for messages (no secret in it).</summary>
    public static string Describe(IReadOnlyDictionary<string, string> environment) =>
        $"database {environment["PGDATABASE"]} on {environment["PGHOST"]}:{environment["PGPORT"]}"
        + (environment.TryGetValue("PGUSER", out var user) ? $" as {user}" : string.Empty);

    private static void Set(Dictionary<string, string> environment, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            environment[name] = value;
        }
    }
}
