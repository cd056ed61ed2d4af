namespace OrleansShop.Providers.AdoNet.Tests.Grains;

/// <summary>Keeps a name in the grain storage named by its <c>PersistentState</c> attribute.</summary>
public class ProfileGrain([PersistentState("profile", ProfileGrain.StorageName)] IPersistentState<ProfileState> profile) : Grain, IProfileGrain
{
    public const string StorageName = "adonet";

    public async Task Rename(string name)
    {
        profile.State.Name = name;
        await profile.WriteStateAsync();
    }

    public Task<ProfileSnapshot> Read() => Task.FromResult(new ProfileSnapshot(profile.State.Name, profile.Etag, profile.RecordExists));

    public Task Clear() => profile.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
