namespace OrleansShop.Cluster.Tests.Support;

/// <summary>The Azurite service a test runs; the name is also the connection string's endpoint key (TableEndpoint, QueueEndpoint).</summary>
public enum AzuriteService
{
    Table,
    Queue,
}
