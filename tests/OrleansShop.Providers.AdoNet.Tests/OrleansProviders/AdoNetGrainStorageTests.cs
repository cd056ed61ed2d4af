using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansShop.Providers.AdoNet.Tests.Grains;
using OrleansShop.Providers.AdoNet.Tests.Support;

namespace OrleansShop.Providers.AdoNet.Tests.OrleansProviders;

/// <summary>Orleans' own ADO.NET grain storage (Invariant "Npgsql", binary serializer) on the migrated schema.</summary>
public sealed class AdoNetGrainStorageTests(PostgresServerFixture server, GrainStorageSiloFixture silo) : IClassFixture<GrainStorageSiloFixture>
{
    private const string StorageGrainType = "OrleansShop.Providers.AdoNet.Tests.Grains.ProfileGrain";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IGrainStorage Storage(string name = ProfileGrain.StorageName) => silo.Silo.Services.GetRequiredKeyedService<IGrainStorage>(name);

    [Fact]
    public async Task Written_state_survives_deactivation_and_its_etag_is_the_rows_version()
    {
        server.RequireServer();
        var key = "alice-" + Guid.NewGuid().ToString("N");
        var grain = silo.Grains.GetGrain<IProfileGrain>(key);

        await grain.Rename("Alice");
        await grain.Deactivate();
        var afterReactivation = await grain.Read();
        await grain.Rename("Alicia");

        Assert.Equal(new ProfileSnapshot("Alice", "1", true), afterReactivation);
        Assert.Equal(new ProfileSnapshot("Alicia", "2", true), await grain.Read());
        Assert.Equal(2, await Sql.ScalarAsync<int>(silo.Database, "SELECT Version FROM OrleansStorage WHERE GrainIdExtensionString = @key", Ct, ("key", key)));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_or_a_first_write_over_existing_state_is_rejected()
    {
        server.RequireServer();
        var grainId = GrainId.Create("profile", "profile-" + Guid.NewGuid().ToString("N"));
        var current = new GrainState<ProfileState>(new ProfileState { Name = "v1" });
        await Storage().WriteStateAsync(StorageGrainType, grainId, current);
        var stale = new GrainState<ProfileState>(new ProfileState { Name = "stale" }, current.ETag);
        current.State = new ProfileState { Name = "v2" };
        await Storage().WriteStateAsync(StorageGrainType, grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage().WriteStateAsync(StorageGrainType, grainId, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage().WriteStateAsync(StorageGrainType, grainId, new GrainState<ProfileState>(new ProfileState { Name = "blind" })));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage().ClearStateAsync(StorageGrainType, grainId, stale));

        var read = new GrainState<ProfileState>();
        await Storage().ReadStateAsync(StorageGrainType, grainId, read);
        Assert.Equal(("v2", "2", true), (read.State?.Name, read.ETag, read.RecordExists));
    }

    [Fact]
    public async Task Clearing_keeps_an_empty_versioned_row_and_the_grain_can_write_again()
    {
        server.RequireServer();
        var key = "bob-" + Guid.NewGuid().ToString("N");
        var grain = silo.Grains.GetGrain<IProfileGrain>(key);
        await grain.Rename("Bob");

        await grain.Clear();
        var cleared = await grain.Read();
        await grain.Deactivate();
        var clearedAfterReactivation = await grain.Read();
        await grain.Rename("Robert");
        await grain.Deactivate();

        Assert.Equal(new ProfileSnapshot(null, "2", false), cleared);
        Assert.Equal(new ProfileSnapshot(null, "2", false), clearedAfterReactivation);
        Assert.Equal(new ProfileSnapshot("Robert", "3", true), await grain.Read());
        Assert.Equal(1L, await Sql.ScalarAsync<long>(silo.Database, "SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString = @key", Ct, ("key", key)));
    }

    [Fact]
    public async Task With_DeleteStateOnClear_clearing_removes_the_row_and_state_starts_again_at_version_1()
    {
        server.RequireServer();
        var storage = Storage(GrainStorageSiloFixture.DeletingStorageName);
        var key = "profile-" + Guid.NewGuid().ToString("N");
        var grainId = GrainId.Create("profile", key);
        var state = new GrainState<ProfileState>(new ProfileState { Name = "temporary" });
        await storage.WriteStateAsync(StorageGrainType, grainId, state);
        var rowsBeforeClear = await Sql.ScalarAsync<long>(silo.Database, "SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString = @key", Ct, ("key", key));

        await storage.ClearStateAsync(StorageGrainType, grainId, state);
        var rowsAfterClear = await Sql.ScalarAsync<long>(silo.Database, "SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString = @key", Ct, ("key", key));
        var etagAfterClear = state.ETag;
        await storage.WriteStateAsync(StorageGrainType, grainId, state);

        Assert.Equal((1L, 0L), (rowsBeforeClear, rowsAfterClear));
        Assert.Null(etagAfterClear);
        Assert.Equal("1", state.ETag);
    }

    [Fact]
    public async Task Of_concurrent_first_writes_to_one_grain_exactly_one_succeeds()
    {
        server.RequireServer();
        for (var round = 0; round < 5; round++)
        {
            var key = "profile-" + Guid.NewGuid().ToString("N");
            var grainId = GrainId.Create("profile", key);
            var writes = Enumerable.Range(0, 4).Select(i => Task.Run(() =>
                Storage().WriteStateAsync(StorageGrainType, grainId, new GrainState<ProfileState>(new ProfileState { Name = $"writer {i}" })), Ct)).ToList();

            var outcomes = await Task.WhenAll(writes.Select(async write =>
            {
                try
                {
                    await write;
                    return true;
                }
                catch (InconsistentStateException)
                {
                    return false;
                }
            }));

            Assert.Single(outcomes, succeeded => succeeded);
            Assert.Equal(1L, await Sql.ScalarAsync<long>(silo.Database, "SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString = @key", Ct, ("key", key)));
        }
    }

    [Fact]
    public async Task Guid_and_integer_keys_with_and_without_extensions_are_stored_apart()
    {
        server.RequireServer();
        var guid = Guid.NewGuid();
        var type = GrainType.Create("profile");
        GrainId[] ids =
        [
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid)),
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "eu")),
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "us")),
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(42)),
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(42, "eu")),
        ];

        foreach (var id in ids)
        {
            await Storage().WriteStateAsync(StorageGrainType, id, new GrainState<ProfileState>(new ProfileState { Name = id.ToString() }));
        }

        foreach (var id in ids)
        {
            var read = new GrainState<ProfileState>();
            await Storage().ReadStateAsync(StorageGrainType, id, read);
            Assert.Equal((id.ToString(), "1"), (read.State?.Name, read.ETag));
        }
    }
}
