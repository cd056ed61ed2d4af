namespace OrleansShop.GrainInterfaces;

/// <summary>A successful sign-in: the customer and a refresh token, shown this once (only its hash is kept).</summary>
public sealed record SignIn(CustomerProfile Customer, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);
