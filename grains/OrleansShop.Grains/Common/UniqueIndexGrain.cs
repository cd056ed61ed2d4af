using Orleans;
using Orleans.Core;
using Orleans.Runtime;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// Ownership of one unique value. Each kind of value (email, SKU, slug) is its own grain class, so the same text in
/// two kinds names two different grains.
/// </summary>
internal abstract class UniqueIndexGrain(IPersistentState<UniqueIndexState> index) : Grain, IUniqueIndexGrain
{
    public async Task<string> ClaimAsync(string ownerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        if (index.State.OwnerId is null)
        {
            index.State.OwnerId = ownerId;
            await index.SaveAsync();
        }

        return index.State.OwnerId;
    }

    public async Task ReleaseAsync(string ownerId)
    {
        if (string.Equals(index.State.OwnerId, ownerId, StringComparison.Ordinal))
        {
            index.State.OwnerId = null;
            await index.SaveAsync();
        }
    }

    public Task<string?> GetOwnerAsync() => Task.FromResult(index.State.OwnerId);
}
