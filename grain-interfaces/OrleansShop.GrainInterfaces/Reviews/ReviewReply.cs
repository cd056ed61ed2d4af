using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Immutable, Alias("shop.ReviewReply")]
public sealed record ReviewReply([property: Id(0)] string Body, [property: Id(1)] DateTimeOffset CreatedAt);
