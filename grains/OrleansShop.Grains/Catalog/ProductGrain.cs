using Orleans;
using Orleans.Core;
using Orleans.Runtime;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>A product's catalog data. SKU and slug are claimed in their index grains before the product exists.</summary>
[GrainType("product")]
internal sealed class ProductGrain(
    [PersistentState("product")] IPersistentState<ProductState> state) : Grain, IProductGrain
{
    private RetryUntilDone? projection;

    private string Id => this.GetPrimaryKeyString();

    /// <summary>A write whose projection was lost with a crashed process is projected again when the product next activates.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        projection = CatalogProjectionRetry.For(this, ServiceProvider, ProjectAsync);
        if (state.State.Product is not null)
        {
            await projection.RunAsync();
        }
    }

    public async Task<Result<ProductDetails>> CreateAsync(ProductDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (state.State.Product is { } existing)
        {
            // A retried create finds its own product; any other create of this id is a mistake.
            return string.Equals(existing.Sku, draft.Sku?.Trim(), StringComparison.Ordinal)
                ? Result<ProductDetails>.Ok(existing)
                : Result<ProductDetails>.Fail(ErrorCode.Conflict, $"Product {Id} already exists.", "productId");
        }

        var slug = string.IsNullOrWhiteSpace(draft.Slug) ? Slug.FromName(draft.Name ?? string.Empty) : draft.Slug.Trim();
        var errors = new List<UserError>();
        ProductRules.CheckSku(draft.Sku, errors);
        ProductRules.CheckName(draft.Name, errors);
        if (!Slug.IsValid(slug))
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, "Slug must be lower-case letters and digits joined by single hyphens.", "slug"));
        }

        ProductRules.CheckDescription(draft.Description, errors);
        ProductRules.CheckBrand(draft.Brand, errors);
        ProductRules.CheckPrice(draft.Price.Amount, errors);
        ProductRules.CheckCurrency(draft.Price.Currency, errors);
        ProductRules.CheckImages(draft.Images, errors);
        ProductRules.CheckAttributes(draft.Attributes, errors);
        errors.AddRange(await CheckCategoriesAsync(draft.CategoryIds));
        if (errors.Count > 0)
        {
            return Result<ProductDetails>.Fail(errors);
        }

        var sku = draft.Sku.Trim();
        var skuIndex = GrainFactory.GetGrain<ISkuIndexGrain>(UniqueKeys.Sku(sku));
        if (await skuIndex.ClaimAsync(Id) != Id)
        {
            return Result<ProductDetails>.Fail(ErrorCode.Conflict, $"SKU {sku} is already used by another product.", "sku");
        }

        var slugIndex = GrainFactory.GetGrain<ISlugIndexGrain>(UniqueKeys.Slug(slug));
        if (await slugIndex.ClaimAsync(Id) != Id)
        {
            await skuIndex.ReleaseAsync(Id);
            return Result<ProductDetails>.Fail(ErrorCode.Conflict, $"Slug {slug} is already used by another product.", "slug");
        }

        var now = ServiceProvider.Clock().GetUtcNow();
        state.State.Product = new ProductDetails(
            Id,
            sku,
            slug,
            draft.Name!.Trim(),
            draft.Description,
            string.IsNullOrWhiteSpace(draft.Brand) ? null : draft.Brand.Trim(),
            draft.Price,
            [.. draft.Images ?? []],
            [.. (draft.CategoryIds ?? []).Distinct(StringComparer.Ordinal)],
            [.. draft.Attributes ?? []],
            Archived: false,
            now,
            now);
        try
        {
            await SaveAsync();
        }
        catch (Exception)
        {
            // Nothing was created, so nothing may keep the SKU and slug.
            await skuIndex.ReleaseAsync(Id);
            await slugIndex.ReleaseAsync(Id);
            throw;
        }

        await projection!.RunAsync();
        return Result<ProductDetails>.Ok(state.State.Product);
    }

    public async Task<Result<ProductDetails>> UpdateAsync(ProductChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (state.State.Product is not { } product)
        {
            return Result<ProductDetails>.Fail(ErrorCode.NotFound, $"Product {Id} does not exist.", "productId");
        }

        var errors = new List<UserError>();
        if (changes.Name is not null)
        {
            ProductRules.CheckName(changes.Name, errors);
        }

        if (changes.Description is not null)
        {
            ProductRules.CheckDescription(changes.Description, errors);
        }

        ProductRules.CheckBrand(changes.Brand, errors);
        if (changes.Price is { } price)
        {
            ProductRules.CheckPrice(price, errors);
        }

        ProductRules.CheckImages(changes.Images, errors);
        ProductRules.CheckAttributes(changes.Attributes, errors);
        errors.AddRange(await CheckCategoriesAsync(changes.CategoryIds));
        if (errors.Count > 0)
        {
            return Result<ProductDetails>.Fail(errors);
        }

        state.State.Product = product with
        {
            Name = changes.Name?.Trim() ?? product.Name,
            Description = changes.Description ?? product.Description,
            Brand = changes.Brand is null ? product.Brand : (string.IsNullOrWhiteSpace(changes.Brand) ? null : changes.Brand.Trim()),
            Price = changes.Price is { } amount ? product.Price with { Amount = amount } : product.Price,
            Images = changes.Images is null ? product.Images : [.. changes.Images],
            CategoryIds = changes.CategoryIds is null ? product.CategoryIds : [.. changes.CategoryIds.Distinct(StringComparer.Ordinal)],
            Attributes = changes.Attributes is null ? product.Attributes : [.. changes.Attributes],
            UpdatedAt = ServiceProvider.Clock().GetUtcNow(),
        };
        await SaveAsync();
        await projection!.RunAsync();
        return Result<ProductDetails>.Ok(state.State.Product);
    }

    public async Task<Result<ProductDetails>> ArchiveAsync()
    {
        if (state.State.Product is not { } product)
        {
            return Result<ProductDetails>.Fail(ErrorCode.NotFound, $"Product {Id} does not exist.", "productId");
        }

        if (!product.Archived)
        {
            state.State.Product = product with { Archived = true, UpdatedAt = ServiceProvider.Clock().GetUtcNow() };
            await SaveAsync();
            await projection!.RunAsync();
        }

        return Result<ProductDetails>.Ok(state.State.Product);
    }

    public Task<ProductDetails?> GetAsync() => Task.FromResult(state.State.Product);

    private async Task SaveAsync()
    {
        state.State.Version++;
        await state.SaveAsync();
    }

    private Task ProjectAsync(ICatalogProjection catalog) =>
        state.State.Product is { } product ? catalog.ProjectProductAsync(product, state.State.Version) : Task.CompletedTask;

    private async Task<List<UserError>> CheckCategoriesAsync(IReadOnlyList<string>? categoryIds)
    {
        var errors = new List<UserError>();
        if (categoryIds is null || categoryIds.Count == 0)
        {
            return errors;
        }

        if (categoryIds.Count > ProductRules.MaxCategories)
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, $"At most {ProductRules.MaxCategories} categories.", "categoryIds"));
            return errors;
        }

        var known = (await GrainFactory.GetGrain<ICategoryTreeGrain>(WellKnownKeys.CategoryTree).GetAllAsync())
            .Select(c => c.Id)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in categoryIds.Where(id => !known.Contains(id)))
        {
            errors.Add(UserError.For(ErrorCode.NotFound, $"Category {unknown} does not exist.", "categoryIds"));
        }

        return errors;
    }
}
