using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

internal sealed class ProductReviewsState
{
    /// <summary>Oldest first.</summary>
    public List<Review> Reviews { get; set; } = [];

    /// <summary>Kept beside the reviews so the summary is exact and costs nothing to read.</summary>
    public int RatingCount { get; set; }

    public int RatingSum { get; set; }

    public int LastNumber { get; set; }
}
