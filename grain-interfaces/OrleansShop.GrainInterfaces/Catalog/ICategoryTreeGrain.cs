using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// The whole category tree in one grain (key: <see cref="WellKnownKeys.CategoryTree"/>): categories are few and change
/// rarely, and one owner makes parent checks and slug uniqueness atomic.
/// </summary>
[Alias("shop.ICategoryTreeGrain")]
public interface ICategoryTreeGrain : IGrainWithStringKey
{
    [Alias("CreateAsync")]
    Task<Result<CategoryNode>> CreateAsync(CategoryDraft draft);

    [ReadOnly]
    [Alias("GetAsync")]
    Task<CategoryNode?> GetAsync(string categoryId);

    /// <summary>Every category, parents before their children.</summary>
    [ReadOnly]
    [Alias("GetAllAsync")]
    Task<IReadOnlyList<CategoryNode>> GetAllAsync();
}
