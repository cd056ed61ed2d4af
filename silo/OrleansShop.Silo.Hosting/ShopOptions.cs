using OrleansShop.Runtime.Sql;

namespace OrleansShop.Silo.Hosting;

/// <summary>Where the embedded silo keeps its data, bound from <c>OrleansShop</c> (e.g. <c>OrleansShop__DataDirectory=/var/lib/orleansshop</c>).</summary>
public sealed class ShopOptions
{
    public const string Section = "OrleansShop";

    /// <summary>The folder of the SQLite database file and of the development signing key.</summary>
    public string DataDirectory { get; set; } = "./data";

    public SqlStorageSettings Storage { get; set; } = new();
}
