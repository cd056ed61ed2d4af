using HotChocolate.Execution.Configuration;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Writing reviews: a signed-in customer who bought the product reviews it once, under their display name; the shop
/// (an admin) replies once. The product reviews grain enforces the purchase, once-only and input rules.
/// </summary>
internal static class ReviewResolvers
{
    // Shown when a customer has no display name: the email must never stand in for it.
    private const string AnonymousAuthor = "A customer";

    public static void Register(IRequestExecutorBuilder graphql)
    {
        graphql.FieldAsync("Mutation", "addReview", AddReviewAsync);
        graphql.FieldAsync("Mutation", "replyToReview", ReplyToReviewAsync);
    }

    private static async Task<object?> AddReviewAsync(IResolverContext context)
    {
        if (context.CustomerId() is not { } customerId)
        {
            return new ReviewPayload(null, UserErrors.Unauthenticated());
        }

        var input = Input.Of(context);
        if (GlobalId.KeyOf(input.String("productId"), "Product") is not { } productId || await context.ProductAsync(productId) is null)
        {
            return new ReviewPayload(null, UserErrors.Of(ErrorCode.NotFound, "No product has this id.", "productId"));
        }

        var customer = await context.Grains().GetGrain<ICustomerGrain>(customerId).GetAsync();
        if (customer is null)
        {
            return new ReviewPayload(null, UserErrors.Unauthenticated());
        }

        var author = string.IsNullOrWhiteSpace(customer.DisplayName) ? AnonymousAuthor : customer.DisplayName.Trim();
        var added = await context.Grains().GetGrain<IProductReviewsGrain>(productId).AddAsync(new ReviewDraft(
            customerId, author, input.Int("rating") ?? 0, input.String("title") ?? string.Empty, input.String("body") ?? string.Empty));
        return added.Succeeded ? new ReviewPayload(added.Value, UserErrors.None) : new ReviewPayload(null, added.Errors);
    }

    private static async Task<object?> ReplyToReviewAsync(IResolverContext context)
    {
        if (!context.IsAdmin())
        {
            return context.CustomerId() is null ? new ReviewPayload(null, UserErrors.Unauthenticated()) : new ReviewPayload(null, UserErrors.Forbidden());
        }

        var input = Input.Of(context);
        if (GlobalId.KeyOf(input.String("reviewId"), "Review") is not { } reviewId || ReviewIds.ProductIdOf(reviewId) is not { } productId)
        {
            return new ReviewPayload(null, UserErrors.Of(ErrorCode.NotFound, "No review has this id.", "reviewId"));
        }

        var replied = await context.Grains().GetGrain<IProductReviewsGrain>(productId).ReplyAsync(reviewId, input.String("body") ?? string.Empty);
        return replied.Succeeded ? new ReviewPayload(replied.Value, UserErrors.None) : new ReviewPayload(null, replied.Errors);
    }
}
