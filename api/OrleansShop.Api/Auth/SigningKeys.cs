using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OrleansShop.Silo.Hosting;

namespace OrleansShop.Api.Auth;

/// <summary>
/// The keys of access tokens: the current one (<c>OrleansShop:Auth:SigningKey</c>, or in Development one generated once
/// under the data directory) signs, and tokens signed with it or with one of <c>OrleansShop:Auth:PreviousSigningKeys</c> are
/// accepted, so rotating the key signs nobody out. Each key has an id, the RFC 7638 thumbprint of the key (a hash that
/// reveals nothing of a key of 32 random bytes), written as <c>kid</c> in a token's header. The keys follow configuration
/// reloads (Key Vault's among them); a reload with a key that is too short is refused and the keys in use stay, while at
/// start-up the same mistake stops the API with a message naming the setting.
/// </summary>
public sealed partial class SigningKeys : IDisposable
{
    public const string FileName = ShopDataFiles.AuthSigningKey;
    public const string CurrentSetting = AuthOptions.Section + ":SigningKey";
    public const string PreviousSetting = AuthOptions.Section + ":PreviousSigningKeys";

    private readonly IOptions<ShopOptions> shop;
    private readonly IHostEnvironment environment;
    private readonly ILogger<SigningKeys> logger;
    private readonly RotatedSecrets<AuthOptions, SigningKeyRing> keys;

    public SigningKeys(IOptionsMonitor<AuthOptions> auth, IOptions<ShopOptions> shop, IHostEnvironment environment, ILogger<SigningKeys> logger)
    {
        this.shop = shop;
        this.environment = environment;
        this.logger = logger;

        // The message of a refusal names the setting and its rule, never the value.
        keys = new RotatedSecrets<AuthOptions, SigningKeyRing>(
            auth,
            Read,
            (next, current) => next.SameKeysAs(current),
            next => LogChanged(next.Current.KeyId, string.Join(", ", next.Previous.Select(k => k.KeyId))),
            problem => LogRefused(problem, Ring.Current.KeyId));
    }

    /// <summary>The keys as they stand: read once per token issued or checked, replaced whole on a change.</summary>
    public SigningKeyRing Ring => keys.Current;

    public void Dispose() => keys.Dispose();

    private SigningKeyRing Read(AuthOptions options) => SigningKeyRing.Of(
        ConfiguredSecret.Resolve(options.SigningKey, CurrentSetting, FileName, 64, shop.Value.DataDirectory, environment, logger),
        ConfiguredSecret.ResolvePrevious(options.PreviousSigningKeys, PreviousSetting));

    [LoggerMessage(Level = LogLevel.Information, Message = "Access tokens: signing with key {KeyId}; also accepting keys [{PreviousKeyIds}]")]
    private partial void LogChanged(string keyId, string previousKeyIds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Access tokens: the reloaded signing keys were refused ({Problem}); key {KeyId} and the previous keys stay in use")]
    private partial void LogRefused(string problem, string keyId);
}
