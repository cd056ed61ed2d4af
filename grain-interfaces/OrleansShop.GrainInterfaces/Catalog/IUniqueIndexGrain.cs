using OrleansShop.Runtime;
using OrleansShop.Runtime.Concurrency;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// One unique value (the grain's key) and the id that owns it. A grain runs one call at a time, so concurrent claims of
/// the same value are decided in order: the first claimant owns it, every later one learns who does.
/// </summary>
public interface IUniqueIndexGrain : IGrainWithStringKey
{
    /// <summary>Claims the value for <paramref name="ownerId"/>; returns the owner afterwards (the claimant iff it won).</summary>
    Task<string> ClaimAsync(string ownerId);

    /// <summary>Frees the value if <paramref name="ownerId"/> owns it.</summary>
    Task ReleaseAsync(string ownerId);

    [ReadOnly]
    Task<string?> GetOwnerAsync();
}
