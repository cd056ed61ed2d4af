using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

[GenerateSerializer, Alias("shop.ProductState")]
internal sealed class ProductState
{
    /// <summary>Null until the product is created.</summary>
    [Id(0)]
    public ProductDetails? Product { get; set; }

    /// <summary>Counts the product's saved changes, so that the catalog read model can ignore a projection older than what it holds.</summary>
    [Id(1)]
    public long Version { get; set; }
}
