using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>A review by a signed-in customer; <see cref="Author"/> is their display name, never the email.</summary>
[GenerateSerializer, Immutable, Alias("shop.ReviewDraft")]
public sealed record ReviewDraft([property: Id(0)] string CustomerId, [property: Id(1)] string Author, [property: Id(2)] int Rating, [property: Id(3)] string Title, [property: Id(4)] string Body);
