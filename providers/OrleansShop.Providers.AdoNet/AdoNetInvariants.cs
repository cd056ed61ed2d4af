namespace OrleansShop.Providers.AdoNet;

/// <summary>
/// The ADO.NET invariant names Orleans' providers take in their <c>Invariant</c> option
/// (<c>AdoNetGrainStorageOptions</c>, <c>AdoNetClusteringSiloOptions</c>, <c>AdoNetReminderTableOptions</c>), so a
/// host names the database once as an <see cref="AdoNetDialect"/> and passes the matching invariant to Orleans.
/// </summary>
public static class AdoNetInvariants
{
    /// <summary>PostgreSQL (Npgsql).</summary>
    public const string PostgreSql = "Npgsql";

    /// <summary>SQL Server (Microsoft.Data.SqlClient).</summary>
    public const string SqlServer = "Microsoft.Data.SqlClient";

    /// <summary>The invariant Orleans expects for a dialect.</summary>
    public static string For(AdoNetDialect dialect) => dialect switch
    {
        AdoNetDialect.PostgreSql => PostgreSql,
        AdoNetDialect.SqlServer => SqlServer,
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "unknown ADO.NET dialect"),
    };
}
