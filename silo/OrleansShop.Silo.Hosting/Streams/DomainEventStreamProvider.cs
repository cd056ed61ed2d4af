namespace OrleansShop.Silo.Hosting;

/// <summary>Where the domain events (<c>OrleansShop:Streams:Provider</c>) are kept until every consumer took them.</summary>
public enum DomainEventStreamProvider
{
    /// <summary>Orleans' memory streams: the embedded default; events live in the silo's memory, so a crash loses those not yet consumed.</summary>
    Memory,

    /// <summary>Azure Queue storage (Azurite here): durable, at least once; for a cluster outside Azure and for the tests.</summary>
    AzureQueue,

    /// <summary>
    /// Orleans' ADO.NET streams in the storage database (PostgreSQL or SQL Server): durable, at least once, with nothing
    /// to run beside the database; for a cluster outside Azure.
    /// </summary>
    AdoNet,

    /// <summary>Azure Event Hubs, with consumer checkpoints in Azure Table storage: the Azure deployment.</summary>
    EventHubs,
}
