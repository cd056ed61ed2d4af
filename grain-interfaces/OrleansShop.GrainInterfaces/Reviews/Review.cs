using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Immutable, Alias("shop.Review")]
public sealed record Review(
    [property: Id(0)] string Id,
    [property: Id(1)] string ProductId,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] string Author,
    [property: Id(4)] int Rating,
    [property: Id(5)] string Title,
    [property: Id(6)] string Body,
    [property: Id(7)] bool VerifiedPurchase,
    [property: Id(8)] ReviewReply? Reply,
    [property: Id(9)] DateTimeOffset CreatedAt);
