namespace OrleansShop.Providers.AdoNet;

/// <summary>The databases whose schema this package can create for Orleans' ADO.NET providers.</summary>
public enum AdoNetDialect
{
    /// <summary>PostgreSQL through Npgsql (Orleans invariant <see cref="AdoNetInvariants.PostgreSql"/>).</summary>
    PostgreSql = 1,

    /// <summary>SQL Server through Microsoft.Data.SqlClient (Orleans invariant <see cref="AdoNetInvariants.SqlServer"/>).</summary>
    SqlServer = 2,
}
