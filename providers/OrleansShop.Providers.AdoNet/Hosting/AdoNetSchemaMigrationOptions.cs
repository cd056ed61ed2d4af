namespace OrleansShop.Providers.AdoNet;

/// <summary>Which database a silo migrates at start-up.</summary>
public sealed class AdoNetSchemaMigrationOptions
{
    /// <summary>The database kind; decides the scripts and the lock.</summary>
    public AdoNetDialect Dialect { get; set; } = AdoNetDialect.PostgreSql;

    /// <summary>The connection string; its user needs the right to create tables.</summary>
    public string? ConnectionString { get; set; }
}
