using Microsoft.IdentityModel.Tokens;

namespace OrleansShop.Api.Auth;

/// <summary>One generation of access-token keys: the one that signs, and the previous ones still accepted.</summary>
public sealed class SigningKeyRing
{
    // Looked up for every token checked: built once per generation, so a check allocates nothing.
    private readonly Dictionary<string, SecurityKey[]> byId;

    private SigningKeyRing(SymmetricSecurityKey current, IReadOnlyList<SymmetricSecurityKey> previous)
    {
        Current = current;
        Previous = previous;
        Accepted = [current, .. previous];
        Credentials = new SigningCredentials(current, SecurityAlgorithms.HmacSha256);
        byId = Accepted.ToDictionary(k => k.KeyId, k => new SecurityKey[] { k }, StringComparer.Ordinal);
    }

    public SymmetricSecurityKey Current { get; }

    public IReadOnlyList<SymmetricSecurityKey> Previous { get; }

    /// <summary>The current key first, then the previous ones.</summary>
    public IReadOnlyList<SymmetricSecurityKey> Accepted { get; }

    public SigningCredentials Credentials { get; }

    public static SigningKeyRing Of(byte[] current, IEnumerable<byte[]> previous)
    {
        var signing = WithId(current);
        var accepted = previous.Select(WithId)
            .Where(k => k.KeyId != signing.KeyId)
            .DistinctBy(k => k.KeyId, StringComparer.Ordinal)
            .ToList();
        return new SigningKeyRing(signing, accepted);
    }

    /// <summary>The keys that may have signed a token with this <c>kid</c>: the one with that id; every accepted key for a token without one.</summary>
    public IEnumerable<SecurityKey> For(string? keyId) =>
        string.IsNullOrEmpty(keyId) ? Accepted : byId.GetValueOrDefault(keyId, []);

    public bool SameKeysAs(SigningKeyRing other) =>
        Accepted.Select(k => k.KeyId).SequenceEqual(other.Accepted.Select(k => k.KeyId), StringComparer.Ordinal);

    private static SymmetricSecurityKey WithId(byte[] bytes)
    {
        var key = new SymmetricSecurityKey(bytes);
        key.KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromSymmetricSecurityKey(key).ComputeJwkThumbprint());
        return key;
    }
}
