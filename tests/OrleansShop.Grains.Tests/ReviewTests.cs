using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

/// <summary>One cluster for the class: each test uses products and orders of its own.</summary>
public sealed class ReviewTests(ShopClusterFixture cluster) : IClassFixture<ShopClusterFixture>
{
    private static ReviewDraft Draft(string customerId, int rating = 5) => new(customerId, "Ada", rating, "Great", "Fits well.");

    private static async Task<string> BuyAsync(ShopSilo silo, string productId, string customerId, bool pay = true)
    {
        var cartId = CartIds.ForCustomer(customerId);
        await silo.Cart(cartId).AddItemAsync(productId, 1);
        var key = Guid.NewGuid().ToString("N");
        var order = (await silo.CheckoutAsync(cartId, key, customerId)).Value!;
        if (pay)
        {
            await silo.Order(order.Id).PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_visa", key));
        }

        return order.Id;
    }

    [Fact]
    public async Task Only_a_customer_with_a_paid_order_of_the_product_may_review_it()
    {
        var silo = cluster.Silo;
        var shoe = await silo.CreateProductAsync(10m, stock: 10);
        var other = await silo.CreateProductAsync(10m, stock: 10);
        var reviews = silo.Grains.GetGrain<IProductReviewsGrain>(shoe);
        await BuyAsync(silo, other, "bought-something-else");
        await BuyAsync(silo, shoe, "unpaid", pay: false);
        await BuyAsync(silo, shoe, "buyer");

        Assert.Equal(ErrorCode.ReviewNotAllowed, (await reviews.AddAsync(Draft("stranger"))).Error!.Code);
        Assert.Equal(ErrorCode.ReviewNotAllowed, (await reviews.AddAsync(Draft("bought-something-else"))).Error!.Code);
        Assert.Equal(ErrorCode.ReviewNotAllowed, (await reviews.AddAsync(Draft("unpaid"))).Error!.Code);
        var review = await reviews.AddAsync(Draft("buyer"));

        Assert.True(review.Succeeded);
        Assert.True(review.Value!.VerifiedPurchase);
        Assert.Equal(shoe, ReviewIds.ProductIdOf(review.Value.Id));
    }

    [Fact]
    public async Task A_cancelled_purchase_does_not_allow_a_review()
    {
        var silo = cluster.Silo;
        var shoe = await silo.CreateProductAsync(10m, stock: 10);
        var orderId = await BuyAsync(silo, shoe, "buyer");
        await silo.Order(orderId).CancelAsync("no longer wanted");

        var result = await silo.Grains.GetGrain<IProductReviewsGrain>(shoe).AddAsync(Draft("buyer"));

        Assert.Equal(ErrorCode.ReviewNotAllowed, result.Error!.Code);
    }

    [Fact]
    public async Task A_customer_reviews_a_product_once_and_ratings_must_be_one_to_five()
    {
        var silo = cluster.Silo;
        var shoe = await silo.CreateProductAsync(10m, stock: 10);
        await BuyAsync(silo, shoe, "buyer");
        var reviews = silo.Grains.GetGrain<IProductReviewsGrain>(shoe);

        Assert.Equal(["input", "rating"], (await reviews.AddAsync(Draft("buyer", rating: 0))).Error!.Field);
        Assert.Equal(["input", "rating"], (await reviews.AddAsync(Draft("buyer", rating: 6))).Error!.Field);
        Assert.True((await reviews.AddAsync(Draft("buyer", rating: 4))).Succeeded);
        Assert.Equal(ErrorCode.Conflict, (await reviews.AddAsync(Draft("buyer", rating: 5))).Error!.Code);
        Assert.Equal(new RatingSummary(1, 4), await reviews.GetSummaryAsync());
    }

    [Fact]
    public async Task Simultaneous_reviews_by_one_customer_add_one_review_and_count_one_rating()
    {
        var silo = cluster.Silo;
        var shoe = await silo.CreateProductAsync(10m, stock: 10);
        await BuyAsync(silo, shoe, "buyer");
        var reviews = silo.Grains.GetGrain<IProductReviewsGrain>(shoe);

        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(rating => reviews.AddAsync(Draft("buyer", rating))));

        var added = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCode.Conflict, r.Error!.Code));
        Assert.Equal(new RatingSummary(1, added.Value!.Rating), await reviews.GetSummaryAsync());
        Assert.Equal(1, (await reviews.GetReviewsAsync(0, 10)).TotalCount);
    }

    [Fact]
    public async Task The_rating_summary_is_exact_and_reviews_list_newest_first_with_replies()
    {
        var silo = cluster.Silo;
        var shoe = await silo.CreateProductAsync(10m, stock: 10);
        var reviews = silo.Grains.GetGrain<IProductReviewsGrain>(shoe);
        int[] ratings = [5, 4, 4];
        for (var i = 0; i < ratings.Length; i++)
        {
            await BuyAsync(silo, shoe, $"buyer-{i}");
            await reviews.AddAsync(Draft($"buyer-{i}", ratings[i]));
        }

        var page = await reviews.GetReviewsAsync(0, 2);
        var reply = await reviews.ReplyAsync(page.Items[0].Id, "Thank you!");
        var unknown = await reviews.ReplyAsync("nope", "Thank you!");
        var second = await reviews.ReplyAsync(page.Items[0].Id, "Thanks again!");

        var summary = await reviews.GetSummaryAsync();
        Assert.Equal(new RatingSummary(3, 13), summary);
        Assert.Equal(13.0 / 3, summary.Average);
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["buyer-2", "buyer-1"], page.Items.Select(r => r.CustomerId));
        Assert.Equal("Thank you!", reply.Value!.Reply!.Body);
        Assert.Equal(ErrorCode.NotFound, unknown.Error!.Code);
        Assert.Equal(ErrorCode.Conflict, second.Error!.Code);
        Assert.Equal("Thank you!", (await reviews.GetReviewsAsync(0, 1)).Items[0].Reply!.Body);
    }
}
