using OrleansShop.Runtime;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Api.Catalog;

internal sealed class ProductListGrain([PersistentState("products")] IPersistentState<ProductListState> list) : Grain, IProductListGrain
{
    public async Task PutAsync(ProductListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var products = list.State.Products;
        var index = products.FindIndex(p => p.ProductId == listing.ProductId);
        if (index >= 0 && products[index].Archived == listing.Archived && products[index].CategoryIds.SequenceEqual(listing.CategoryIds))
        {
            return;
        }

        if (index >= 0)
        {
            products[index] = listing;
        }
        else
        {
            products.Add(listing);
        }

        try
        {
            await list.WriteStateAsync();
        }
        catch (Exception)
        {
            // Serve only what was saved.
            await list.ReadStateAsync();
            throw;
        }
    }

    public Task<IReadOnlyList<ProductListing>> GetAllAsync() => Task.FromResult<IReadOnlyList<ProductListing>>([.. list.State.Products]);
}
