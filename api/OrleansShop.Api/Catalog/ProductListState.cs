namespace OrleansShop.Api.Catalog;

public sealed class ProductListState
{
    public List<ProductListing> Products { get; set; } = [];
}
