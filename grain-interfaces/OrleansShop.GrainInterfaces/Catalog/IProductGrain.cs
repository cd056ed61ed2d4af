using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>A product's catalog data (key: product id). Stock lives in <see cref="IProductStockGrain"/> under the same key.</summary>
[Alias("shop.IProductGrain")]
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>Creates the product; its SKU and slug must be unused. A retry with the same draft returns the product.</summary>
    [Alias("CreateAsync")]
    Task<Result<ProductDetails>> CreateAsync(ProductDraft draft);

    /// <summary>Changes the given fields; null fields stay as they are.</summary>
    [Alias("UpdateAsync")]
    Task<Result<ProductDetails>> UpdateAsync(ProductChanges changes);

    /// <summary>Hides the product from shoppers; carts and checkouts refuse it from then on.</summary>
    [Alias("ArchiveAsync")]
    Task<Result<ProductDetails>> ArchiveAsync();

    /// <summary>The product, or null if it was never created.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<ProductDetails?> GetAsync();
}
