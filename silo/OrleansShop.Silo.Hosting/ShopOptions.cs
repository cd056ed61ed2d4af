namespace OrleansShop.Silo.Hosting;

/// <summary>Where the embedded silo keeps its data, bound from <c>OrleansShop</c> (e.g. <c>OrleansShop__DataDirectory=/var/lib/orleansshop</c>).</summary>
public sealed class ShopOptions
{
    public const string Section = "OrleansShop";

    /// <summary>The file of grain state, reminders and stream subscriptions in embedded (SQLite) mode.</summary>
    public const string SqliteFileName = "orleansshop.db";

    /// <summary>The folder of the SQLite database files and of the development signing key.</summary>
    public string DataDirectory { get; set; } = "./data";

    public StorageSettings Storage { get; set; } = new();

    public ReadModelSettings ReadModels { get; set; } = new();

    public ClusterSettings Cluster { get; set; } = new();

    public StreamSettings Streams { get; set; } = new();

    public string SqliteDatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, SqliteFileName));
}
