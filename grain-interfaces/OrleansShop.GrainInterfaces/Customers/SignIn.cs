using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>A successful sign-in: the customer and a refresh token, shown this once (only its hash is kept).</summary>
[GenerateSerializer, Immutable, Alias("shop.SignIn")]
public sealed record SignIn([property: Id(0)] CustomerProfile Customer, [property: Id(1)] string RefreshToken, [property: Id(2)] DateTimeOffset RefreshTokenExpiresAt);
