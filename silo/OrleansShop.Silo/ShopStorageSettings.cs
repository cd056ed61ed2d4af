namespace OrleansShop.Silo;

/// <summary>Where durable state lives, bound from <c>OrleansShop:Storage</c> (e.g. <c>OrleansShop__Storage__Provider=postgres</c>).</summary>
public sealed class ShopStorageSettings
{
    /// <summary><c>sqlite</c> (embedded default), <c>postgres</c> or <c>sqlserver</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The server's connection string; unused for SQLite, whose file lives under the data directory.</summary>
    public string? ConnectionString { get; set; }
}
