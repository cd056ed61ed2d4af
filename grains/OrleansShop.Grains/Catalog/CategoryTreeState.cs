using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

internal sealed class CategoryTreeState
{
    /// <summary>In creation order, so a parent always comes before its children.</summary>
    public List<CategoryNode> Categories { get; set; } = [];
}
