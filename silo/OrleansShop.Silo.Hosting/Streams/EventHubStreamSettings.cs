namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Azure Event Hubs for the domain events (<c>OrleansShop:Streams:EventHubs</c>), signed in with the process's Azure
/// identity; each silo's read position per partition is checkpointed in the clustering storage account
/// (<c>OrleansShop:Cluster:AzureStorage</c>), so a restarted silo goes on where the last one stopped.
/// </summary>
public sealed class EventHubStreamSettings
{
    private const string Prefix = StreamSettings.Section + ":EventHubs:";

    /// <summary>The namespace's host name, <c>NAME.servicebus.windows.net</c>.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>A connection string instead of the identity (holds a key: from a secret store only).</summary>
    public string? ConnectionString { get; set; }

    public string? EventHubName { get; set; }

    public string ConsumerGroup { get; set; } = "$Default";

    public string CheckpointTableName { get; set; } = "OrleansEventHubCheckpoints";

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(FullyQualifiedNamespace) == string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"Event Hubs streams need exactly one of {Prefix}FullyQualifiedNamespace (NAME.servicebus.windows.net, with a managed identity) "
                + $"or {Prefix}ConnectionString.";
        }

        if (string.IsNullOrWhiteSpace(EventHubName))
        {
            yield return $"{Prefix}EventHubName is required.";
        }

        if (string.IsNullOrWhiteSpace(ConsumerGroup))
        {
            yield return $"{Prefix}ConsumerGroup must not be empty (Event Hubs' default group is $Default).";
        }
    }
}
