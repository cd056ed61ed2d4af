using Orleans;

namespace OrleansShop.Grains;

[GenerateSerializer, Alias("shop.RefreshTokenStatus")]
internal enum RefreshTokenStatus
{
    Active,

    /// <summary>Exchanged for its successor; presenting it again means it leaked.</summary>
    Spent,
    Revoked,
}
