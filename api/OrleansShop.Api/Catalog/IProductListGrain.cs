using OrleansShop.Runtime;
using OrleansShop.Runtime.Concurrency;

namespace OrleansShop.Api.Catalog;

/// <summary>
/// The catalog's product list in creation order (key: <see cref="Key"/>), kept by the API whenever it creates, changes or
/// archives a product. A stopgap read model: the catalog grains expose no listing yet, and search will replace it.
/// </summary>
public interface IProductListGrain : IGrainWithStringKey
{
    public const string Key = "catalog";

    /// <summary>Adds the product, or replaces its listing; the position stays that of its first listing.</summary>
    Task PutAsync(ProductListing listing);

    [ReadOnly]
    Task<IReadOnlyList<ProductListing>> GetAllAsync();
}
