using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

internal sealed class ProductState
{
    /// <summary>Null until the product is created.</summary>
    public ProductDetails? Product { get; set; }
}
