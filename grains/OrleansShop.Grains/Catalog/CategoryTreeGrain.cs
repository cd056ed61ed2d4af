using Orleans;
using Orleans.Core;
using Orleans.Runtime;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

[GrainType("category-tree")]
internal sealed class CategoryTreeGrain(
    [PersistentState("categories")] IPersistentState<CategoryTreeState> tree) : Grain, ICategoryTreeGrain
{
    public const int MaxNameLength = 100;

    private List<CategoryNode> Categories => tree.State.Categories;

    public async Task<Result<CategoryNode>> CreateAsync(CategoryDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<UserError>();
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Trim().Length > MaxNameLength)
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, $"Name must be 1 to {MaxNameLength} characters.", "name"));
        }

        var slug = string.IsNullOrWhiteSpace(draft.Slug) ? Slug.FromName(draft.Name ?? string.Empty) : draft.Slug.Trim();
        if (!Slug.IsValid(slug))
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, "Slug must be lower-case letters and digits joined by single hyphens.", "slug"));
        }
        else if (Categories.Any(c => c.Slug == slug))
        {
            errors.Add(UserError.For(ErrorCode.Conflict, $"Slug {slug} is already used by another category.", "slug"));
        }

        var parentIndex = draft.ParentId is null ? -1 : Categories.FindIndex(c => c.Id == draft.ParentId);
        if (draft.ParentId is not null && parentIndex < 0)
        {
            errors.Add(UserError.For(ErrorCode.NotFound, $"Parent category {draft.ParentId} does not exist.", "parentId"));
        }

        if (errors.Count > 0)
        {
            return Result<CategoryNode>.Fail(errors);
        }

        var category = new CategoryNode(Guid.NewGuid().ToString("N"), draft.Name!.Trim(), slug, draft.ParentId, []);
        if (parentIndex >= 0)
        {
            var parent = Categories[parentIndex];
            Categories[parentIndex] = parent with { ChildIds = [.. parent.ChildIds, category.Id] };
        }

        Categories.Add(category);
        await tree.SaveAsync();
        return Result<CategoryNode>.Ok(category);
    }

    public Task<CategoryNode?> GetAsync(string categoryId) => Task.FromResult(Categories.Find(c => c.Id == categoryId));

    public Task<IReadOnlyList<CategoryNode>> GetAllAsync() => Task.FromResult<IReadOnlyList<CategoryNode>>([.. Categories]);
}
