using Orleans;
using Orleans.Core;
using Orleans.Runtime;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

[GrainType("product-reviews")]
internal sealed class ProductReviewsGrain(
    [PersistentState("reviews")] IPersistentState<ProductReviewsState> reviews) : Grain, IProductReviewsGrain
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 5_000;
    public const int MaxPageSize = 100;

    private RetryUntilDone? projection;

    private string ProductId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        projection = CatalogProjectionRetry.For(this, ServiceProvider, ProjectAsync);
        return Book.RatingCount > 0 ? projection.RunAsync() : Task.CompletedTask;
    }

    private ProductReviewsState Book => reviews.State;

    public async Task<Result<Review>> AddAsync(ReviewDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<UserError>();
        if (draft.Rating is < 1 or > 5)
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, "Rating must be 1 to 5.", "rating"));
        }

        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Trim().Length > MaxTitleLength)
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, $"Title must be 1 to {MaxTitleLength} characters.", "title"));
        }

        if (string.IsNullOrWhiteSpace(draft.Body) || draft.Body.Length > MaxBodyLength)
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, $"Review text must be 1 to {MaxBodyLength} characters.", "body"));
        }

        if (string.IsNullOrWhiteSpace(draft.CustomerId) || string.IsNullOrWhiteSpace(draft.Author))
        {
            errors.Add(UserError.For(ErrorCode.Unauthenticated, "Sign in to review."));
        }

        if (errors.Count > 0)
        {
            return Result<Review>.Fail(errors);
        }

        if (Book.Reviews.Exists(r => r.CustomerId == draft.CustomerId))
        {
            return Result<Review>.Fail(ErrorCode.Conflict, "You have already reviewed this product.", "productId");
        }

        if (!await GrainFactory.GetGrain<ICustomerOrdersGrain>(draft.CustomerId).HasPurchasedAsync(ProductId))
        {
            return Result<Review>.Fail(ErrorCode.ReviewNotAllowed, "Only customers who bought this product can review it.", "productId");
        }

        var review = new Review(
            ReviewIds.Create(ProductId, Book.LastNumber + 1),
            ProductId,
            draft.CustomerId,
            draft.Author.Trim(),
            draft.Rating,
            draft.Title.Trim(),
            draft.Body,
            VerifiedPurchase: true,
            Reply: null,
            ServiceProvider.Clock().GetUtcNow());
        Book.LastNumber++;
        Book.Reviews.Add(review);
        Book.RatingCount++;
        Book.RatingSum += review.Rating;
        await reviews.SaveAsync();
        await projection!.RunAsync();
        return Result<Review>.Ok(review);
    }

    public async Task<Result<Review>> ReplyAsync(string reviewId, string body)
    {
        var index = Book.Reviews.FindIndex(r => r.Id == reviewId);
        if (index < 0)
        {
            return Result<Review>.Fail(ErrorCode.NotFound, $"Review {reviewId} does not exist.", "reviewId");
        }

        if (string.IsNullOrWhiteSpace(body) || body.Length > MaxBodyLength)
        {
            return Result<Review>.Fail(ErrorCode.InvalidInput, $"A reply must be 1 to {MaxBodyLength} characters.", "body");
        }

        if (Book.Reviews[index].Reply is not null)
        {
            return Result<Review>.Fail(ErrorCode.Conflict, "This review already has a reply.", "reviewId");
        }

        Book.Reviews[index] = Book.Reviews[index] with { Reply = new ReviewReply(body, ServiceProvider.Clock().GetUtcNow()) };
        await reviews.SaveAsync();
        return Result<Review>.Ok(Book.Reviews[index]);
    }

    // The review count only grows (reviews are never removed), so it orders rating summaries like a version would.
    private Task ProjectAsync(ICatalogProjection catalog) =>
        catalog.ProjectRatingAsync(ProductId, new RatingSummary(Book.RatingCount, Book.RatingSum), Book.RatingCount);

    public Task<RatingSummary> GetSummaryAsync() => Task.FromResult(new RatingSummary(Book.RatingCount, Book.RatingSum));

    public Task<ReviewPage> GetReviewsAsync(int offset, int limit)
    {
        offset = Math.Max(0, offset);
        limit = Math.Clamp(limit, 0, MaxPageSize);
        var newestFirst = Enumerable.Reverse(Book.Reviews).Skip(offset).Take(limit).ToArray();
        return Task.FromResult(new ReviewPage(newestFirst, Book.Reviews.Count));
    }
}
