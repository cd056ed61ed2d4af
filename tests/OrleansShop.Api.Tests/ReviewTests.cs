using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

public sealed class ReviewTests(SharedShopServer fixture)
{
    private const string AddReview =
        "mutation($input: AddReviewInput!) { addReview(input: $input) { review { id author rating title body verifiedPurchase reply { body } product { id } } errors { code message field } } }";

    private const string Reply =
        "mutation($input: ReplyToReviewInput!) { replyToReview(input: $input) { review { id reply { body } } errors { code message field } } }";

    private const string ProductReviews =
        "query($id: ID!) { node(id: $id) { ... on Product { rating { average count } reviews(first: 10) { totalCount nodes { author rating reply { body } } } } } }";

    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task A_buyer_reviews_a_product_once_under_their_display_name_and_the_rating_summary_stays_exact()
    {
        var productId = await Server.CreateProductAsync(await Server.AdminTokenAsync());
        var (first, firstEmail) = await PaidBuyerAsync(productId);
        var (second, secondEmail) = await PaidBuyerAsync(productId);

        var review = (await Server.DataAsync(AddReview, Review(productId, 4), first))["addReview"]!;
        var again = (await Server.DataAsync(AddReview, Review(productId, 1), first))["addReview"]!;
        await Server.DataAsync(AddReview, Review(productId, 5), second);

        Assert.Empty(review["errors"]!.AsArray());
        Assert.Equal("Shopper", review["review"]!["author"]!.GetValue<string>());
        Assert.True(review["review"]!["verifiedPurchase"]!.GetValue<bool>());
        Assert.Equal(productId, review["review"]!["product"]!["id"]!.GetValue<string>());
        Assert.Equal("CONFLICT", again["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Null(again["review"]);
        var product = (await Server.DataAsync(ProductReviews, new { id = productId }))["node"]!;
        Assert.Equal(2, product["rating"]!["count"]!.GetValue<int>());
        Assert.Equal(4.5, product["rating"]!["average"]!.GetValue<double>());
        Assert.Equal(2, product["reviews"]!["totalCount"]!.GetValue<int>());
        Assert.Equal([5, 4], product["reviews"]!["nodes"]!.AsArray().Select(r => r!["rating"]!.GetValue<int>()));
        Assert.DoesNotContain(firstEmail, product.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secondEmail, product.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Only_a_signed_in_customer_with_a_paid_order_of_the_product_may_review_it()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(admin);
        var otherProduct = await Server.CreateProductAsync(admin);
        var stranger = (await Server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        var unpaid = await Server.RegisterAsync(ShopServer.UniqueEmail());
        Assert.Equal("PAYMENT_PENDING", (await Server.BuyAsync(unpaid["accessToken"]!.GetValue<string>(), productId, pay: false)).Status());
        var (boughtOther, _) = await PaidBuyerAsync(otherProduct);

        var anonymous = (await Server.DataAsync(AddReview, Review(productId, 5)))["addReview"]!;
        var notBought = (await Server.DataAsync(AddReview, Review(productId, 5), stranger))["addReview"]!;
        var notPaid = (await Server.DataAsync(AddReview, Review(productId, 5), unpaid["accessToken"]!.GetValue<string>()))["addReview"]!;
        var wrongProduct = (await Server.DataAsync(AddReview, Review(productId, 5), boughtOther))["addReview"]!;
        var unknown = (await Server.DataAsync(AddReview, Review("UHJvZHVjdDpub3BlCg==", 5), boughtOther))["addReview"]!;

        Assert.Equal("UNAUTHENTICATED", Code(anonymous));
        Assert.Equal("REVIEW_NOT_ALLOWED", Code(notBought));
        Assert.Equal("REVIEW_NOT_ALLOWED", Code(notPaid));
        Assert.Equal("REVIEW_NOT_ALLOWED", Code(wrongProduct));
        Assert.Equal("NOT_FOUND", Code(unknown));
        var product = (await Server.DataAsync(ProductReviews, new { id = productId }))["node"]!;
        Assert.Equal(0, product["rating"]!["count"]!.GetValue<int>());
        Assert.Null(product["rating"]!["average"]);
        Assert.Equal(0, product["reviews"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_review_input_gives_field_errors_and_adds_nothing()
    {
        var productId = await Server.CreateProductAsync(await Server.AdminTokenAsync());
        var (buyer, _) = await PaidBuyerAsync(productId);

        var zero = (await Server.DataAsync(AddReview, Review(productId, 0), buyer))["addReview"]!;
        var six = (await Server.DataAsync(AddReview, Review(productId, 6), buyer))["addReview"]!;
        var blank = (await Server.DataAsync(AddReview, new { input = new { productId, rating = 3, title = "  ", body = "" } }, buyer))["addReview"]!;
        var long_ = (await Server.DataAsync(AddReview, new { input = new { productId, rating = 3, title = new string('t', 201), body = new string('b', 5_001) } }, buyer))["addReview"]!;

        Assert.Equal(["input.rating"], Fields(zero));
        Assert.Equal(["input.rating"], Fields(six));
        Assert.Equal(["input.title", "input.body"], Fields(blank));
        Assert.Equal(["input.title", "input.body"], Fields(long_));
        Assert.All(new[] { zero, six, blank, long_ }, p => Assert.Equal("INVALID_INPUT", Code(p)));
        var product = (await Server.DataAsync(ProductReviews, new { id = productId }))["node"]!;
        Assert.Equal(0, product["rating"]!["count"]!.GetValue<int>());
        Assert.Empty((await Server.DataAsync(AddReview, Review(productId, 3), buyer))["addReview"]!["errors"]!.AsArray()); // still allowed once
    }

    [Fact]
    public async Task Only_an_admin_replies_to_a_review_and_only_once()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(admin);
        var (buyer, _) = await PaidBuyerAsync(productId);
        var reviewId = (await Server.DataAsync(AddReview, Review(productId, 2), buyer))["addReview"]!["review"]!["id"]!.GetValue<string>();

        var byCustomer = (await Server.DataAsync(Reply, ReplyInput(reviewId, "Says the shop?"), buyer))["replyToReview"]!;
        var anonymous = (await Server.DataAsync(Reply, ReplyInput(reviewId, "Says the shop?")))["replyToReview"]!;
        var empty = (await Server.DataAsync(Reply, ReplyInput(reviewId, " "), admin))["replyToReview"]!;
        var replied = (await Server.DataAsync(Reply, ReplyInput(reviewId, "Sorry to hear it; we have written to you."), admin))["replyToReview"]!;
        var again = (await Server.DataAsync(Reply, ReplyInput(reviewId, "A second word."), admin))["replyToReview"]!;
        var unknown = (await Server.DataAsync(Reply, ReplyInput("UmV2aWV3Om5vcGU=", "Hello"), admin))["replyToReview"]!;

        Assert.Equal("FORBIDDEN", Code(byCustomer));
        Assert.Equal("UNAUTHENTICATED", Code(anonymous));
        Assert.Equal("INVALID_INPUT", Code(empty));
        Assert.Empty(replied["errors"]!.AsArray());
        Assert.Equal("CONFLICT", Code(again));
        Assert.Equal("NOT_FOUND", Code(unknown));
        var shown = (await Server.DataAsync(ProductReviews, new { id = productId }))["node"]!["reviews"]!["nodes"]![0]!;
        Assert.Equal("Sorry to hear it; we have written to you.", shown["reply"]!["body"]!.GetValue<string>());
    }

    private async Task<(string Token, string Email)> PaidBuyerAsync(string productId)
    {
        var email = ShopServer.UniqueEmail();
        var signedIn = await Server.RegisterAsync(email);
        await Server.BuyAsync(signedIn["accessToken"]!.GetValue<string>(), productId);
        return (signedIn["accessToken"]!.GetValue<string>(), email);
    }

    private static object Review(string productId, int rating) =>
        new { input = new { productId, rating, title = "Does the job", body = "Keeps tea hot for an hour." } };

    private static object ReplyInput(string reviewId, string body) => new { input = new { reviewId, body } };

    private static string Code(JsonNode payload) => payload["errors"]![0]!["code"]!.GetValue<string>();

    private static IEnumerable<string> Fields(JsonNode payload) =>
        payload["errors"]!.AsArray().Select(e => string.Join('.', e!["field"]!.AsArray().Select(f => f!.GetValue<string>())));
}
