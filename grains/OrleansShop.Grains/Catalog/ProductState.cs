using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

internal sealed class ProductState
{
    /// <summary>Null until the product is created.</summary>
    public ProductDetails? Product { get; set; }

    /// <summary>Counts the product's saved changes, so that the catalog read model can ignore a projection older than what it holds.</summary>
    public long Version { get; set; }
}
