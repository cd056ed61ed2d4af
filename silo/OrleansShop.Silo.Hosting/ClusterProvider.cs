namespace OrleansShop.Silo.Hosting;

/// <summary>Where a cluster keeps its membership table (<c>OrleansShop:Cluster:Provider</c>).</summary>
public enum ClusterProvider
{
    /// <summary>Orleans' ADO.NET membership in the storage database (PostgreSQL or SQL Server): the default.</summary>
    AdoNet,

    /// <summary>Orleans' Azure Table storage membership (<c>OrleansShop:Cluster:AzureStorage</c>), e.g. on Azure Container Apps.</summary>
    AzureStorage,
}
