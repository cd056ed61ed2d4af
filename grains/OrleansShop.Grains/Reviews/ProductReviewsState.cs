using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

[GenerateSerializer, Alias("shop.ProductReviewsState")]
internal sealed class ProductReviewsState
{
    /// <summary>Oldest first.</summary>
    [Id(0)]
    public List<Review> Reviews { get; set; } = [];

    /// <summary>Kept beside the reviews so the summary is exact and costs nothing to read.</summary>
    [Id(1)]
    public int RatingCount { get; set; }

    [Id(2)]
    public int RatingSum { get; set; }

    [Id(3)]
    public int LastNumber { get; set; }
}
