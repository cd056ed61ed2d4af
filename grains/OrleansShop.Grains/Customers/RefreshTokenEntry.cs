namespace OrleansShop.Grains;

/// <summary>
/// One issued refresh token, by the SHA-256 of its secret. A family is the chain of tokens one sign-in rotates
/// through; all of its tokens share the family's expiry.
/// </summary>
internal sealed record RefreshTokenEntry(string Hash, string FamilyId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, RefreshTokenStatus Status);
