namespace OrleansShop.Silo.Hosting;

/// <summary>
/// The Azure Table that holds the membership of a cluster on <see cref="ClusterProvider.AzureStorage"/>, bound from
/// <c>OrleansShop:Cluster:AzureStorage</c>: a connection string (Azurite, or an account key kept in a secret store), or the
/// table endpoint reached with the process's Azure identity (a managed identity in Azure).
/// </summary>
public sealed class AzureTableClusteringSettings
{
    /// <summary>A storage connection string, e.g. Azurite's; it holds the account key, so keep it out of images and templates.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table endpoint, <c>https://ACCOUNT.table.core.windows.net/</c>, signed in with <c>DefaultAzureCredential</c>.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>The membership table's name (Orleans' default <c>OrleansSiloInstances</c>); clusters apart by ClusterId can share it.</summary>
    public string TableName { get; set; } = Orleans.Clustering.AzureStorage.AzureStorageClusteringOptions.DEFAULT_TABLE_NAME;

    /// <summary>What is wrong with these settings, one sentence each, naming the keys; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        const string prefix = ClusterSettings.Section + ":AzureStorage:";
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        var hasUri = !string.IsNullOrWhiteSpace(TableServiceUri);
        if (hasConnectionString == hasUri)
        {
            yield return $"Azure Table clustering needs exactly one of {prefix}ConnectionString (e.g. Azurite's) or {prefix}TableServiceUri "
                + "(https://ACCOUNT.table.core.windows.net/, with a managed identity)"
                + (hasUri ? "; both are set." : "; neither is set.");
        }

        // Azure's SDK sends a bearer token over TLS only, so an http:// endpoint would fail at the first call instead of here.
        if (hasUri && (!Uri.TryCreate(TableServiceUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{prefix}TableServiceUri '{TableServiceUri}' must be an absolute https:// address (an identity's token is sent over TLS only); "
                + $"for Azurite over http use {prefix}ConnectionString.";
        }

        if (string.IsNullOrWhiteSpace(TableName) || !System.Text.RegularExpressions.Regex.IsMatch(TableName, "^[A-Za-z][A-Za-z0-9]{2,62}$"))
        {
            yield return $"{prefix}TableName '{TableName}' is not an Azure table name (3-63 letters and digits, starting with a letter).";
        }
    }
}
