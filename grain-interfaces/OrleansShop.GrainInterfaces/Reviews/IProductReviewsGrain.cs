using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// A product's reviews (key: product id). Only a customer who bought the product (a paid, not cancelled or refunded
/// order containing it) may review it, once (CONFLICT after that). The rating summary is exact: count and sum are kept, not averaged.
/// </summary>
[Alias("shop.IProductReviewsGrain")]
public interface IProductReviewsGrain : IGrainWithStringKey
{
    [Alias("AddAsync")]
    Task<Result<Review>> AddAsync(ReviewDraft draft);

    /// <summary>The shop's one reply to a review (CONFLICT when it has one). Who may reply is the API's to check.</summary>
    [Alias("ReplyAsync")]
    Task<Result<Review>> ReplyAsync(string reviewId, string body);

    [ReadOnly]
    [Alias("GetSummaryAsync")]
    Task<RatingSummary> GetSummaryAsync();

    /// <summary>Newest first.</summary>
    [ReadOnly]
    [Alias("GetReviewsAsync")]
    Task<ReviewPage> GetReviewsAsync(int offset, int limit);
}
