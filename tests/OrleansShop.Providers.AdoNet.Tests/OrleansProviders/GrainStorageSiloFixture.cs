using Orleans.Serialization;
using Orleans.Storage;
using OrleansShop.Providers.AdoNet.Tests.Grains;

namespace OrleansShop.Providers.AdoNet.Tests.OrleansProviders;

/// <summary>A silo with two ADO.NET grain storages on the test database: one that clears, one that deletes on clear.</summary>
public sealed class GrainStorageSiloFixture(PostgresServerFixture server) : OrleansSiloFixture(server)
{
    public const string DeletingStorageName = "adonet-delete";

    protected override void ConfigureSilo(ISiloBuilder silo, string connectionString)
    {
        silo.AddAdoNetGrainStorage(ProfileGrain.StorageName, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = AdoNetInvariants.PostgreSql;
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.AddAdoNetGrainStorage(DeletingStorageName, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = AdoNetInvariants.PostgreSql;
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            o.DeleteStateOnClear = true;
        }));
    }
}
