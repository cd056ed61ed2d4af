using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// One unique value (the grain's key) and the id that owns it. A grain runs one call at a time, so concurrent claims of
/// the same value are decided in order: the first claimant owns it, every later one learns who does.
/// </summary>
[Alias("shop.IUniqueIndexGrain")]
public interface IUniqueIndexGrain : IGrainWithStringKey
{
    /// <summary>Claims the value for <paramref name="ownerId"/>; returns the owner afterwards (the claimant iff it won).</summary>
    [Alias("ClaimAsync")]
    Task<string> ClaimAsync(string ownerId);

    /// <summary>Frees the value if <paramref name="ownerId"/> owns it.</summary>
    [Alias("ReleaseAsync")]
    Task ReleaseAsync(string ownerId);

    [ReadOnly]
    [Alias("GetOwnerAsync")]
    Task<string?> GetOwnerAsync();
}
