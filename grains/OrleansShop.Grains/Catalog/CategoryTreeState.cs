using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

[GenerateSerializer, Alias("shop.CategoryTreeState")]
internal sealed class CategoryTreeState
{
    /// <summary>In creation order, so a parent always comes before its children.</summary>
    [Id(0)]
    public List<CategoryNode> Categories { get; set; } = [];
}
