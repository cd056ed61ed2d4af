using OrleansShop.Runtime;
using OrleansShop.Runtime.Concurrency;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// The whole category tree in one grain (key: <see cref="WellKnownKeys.CategoryTree"/>): categories are few and change
/// rarely, and one owner makes parent checks and slug uniqueness atomic.
/// </summary>
public interface ICategoryTreeGrain : IGrainWithStringKey
{
    Task<Result<CategoryNode>> CreateAsync(CategoryDraft draft);

    [ReadOnly]
    Task<CategoryNode?> GetAsync(string categoryId);

    /// <summary>Every category, parents before their children.</summary>
    [ReadOnly]
    Task<IReadOnlyList<CategoryNode>> GetAllAsync();
}
