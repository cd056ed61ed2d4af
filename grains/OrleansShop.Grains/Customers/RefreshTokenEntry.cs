using Orleans;
using Orleans.Concurrency;

namespace OrleansShop.Grains;

/// <summary>
/// One issued refresh token, by the SHA-256 of its secret. A family is the chain of tokens one sign-in rotates
/// through; all of its tokens share the family's expiry.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.RefreshTokenEntry")]
internal sealed record RefreshTokenEntry([property: Id(0)] string Hash, [property: Id(1)] string FamilyId, [property: Id(2)] DateTimeOffset IssuedAt, [property: Id(3)] DateTimeOffset ExpiresAt, [property: Id(4)] RefreshTokenStatus Status);
