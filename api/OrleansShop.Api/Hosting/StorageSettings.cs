namespace OrleansShop.Api.Hosting;

/// <summary>Where durable state lives, bound from <c>OrleansShop:Storage</c> (as the silo host binds it).</summary>
public sealed class StorageSettings
{
    /// <summary><c>sqlite</c> (embedded default), <c>postgres</c> or <c>sqlserver</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The server's connection string; unused for SQLite, whose file lives under the data directory.</summary>
    public string? ConnectionString { get; set; }
}
