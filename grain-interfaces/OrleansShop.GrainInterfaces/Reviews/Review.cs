namespace OrleansShop.GrainInterfaces;

public sealed record Review(
    string Id,
    string ProductId,
    string CustomerId,
    string Author,
    int Rating,
    string Title,
    string Body,
    bool VerifiedPurchase,
    ReviewReply? Reply,
    DateTimeOffset CreatedAt);
