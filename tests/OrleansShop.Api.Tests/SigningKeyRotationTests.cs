using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>
/// Rotating the access-token signing key in Key Vault while the API runs: the new key signs, tokens of the previous key
/// keep working until it is removed, tokens of any other key never work, and refresh tokens carry a session across.
/// </summary>
public sealed class SigningKeyRotationTests
{
    private const string Me = "{ me { email } }";
    private const string Refresh = "mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken refreshToken errors { code } } }";
    private const string Current = "OrleansShop--Auth--SigningKey";
    private const string Previous = "OrleansShop--Auth--PreviousSigningKeys--0";

    [Fact]
    public async Task After_a_rotation_the_new_key_signs_the_previous_keys_tokens_and_refresh_tokens_still_work_until_it_is_removed()
    {
        var (keyA, keyB) = (VaultedShopServer.NewSecret(), VaultedShopServer.NewSecret());
        var vault = new InMemoryVault((Current, keyA));
        await using var server = await VaultedShopServer.StartAsync(vault);
        var email = ShopServer.UniqueEmail();
        var session = await server.RegisterAsync(email);
        var tokenA = session["accessToken"]!.GetValue<string>();
        Assert.Equal(Thumbprint(keyA), KeyIdOf(tokenA));

        // The runbook's rotation: the old key becomes previous, the new one current; no restart.
        vault.Set(Previous, keyA);
        vault.Set(Current, keyB);
        await UntilSignedWithAsync(server, email, keyB);

        Assert.Equal(email, await EmailAsync(server, tokenA));
        var refreshed = (await server.DataAsync(Refresh, new { input = new { refreshToken = session["refreshToken"]!.GetValue<string>() } }))["refreshToken"]!;
        Assert.Empty(refreshed["errors"]!.AsArray());
        var tokenB = refreshed["accessToken"]!.GetValue<string>();
        Assert.Equal(Thumbprint(keyB), KeyIdOf(tokenB));
        Assert.Equal(email, await EmailAsync(server, tokenB));

        // Once the previous key is gone (disabled in the vault), its tokens are refused; the new key's are not.
        vault.Disable(Previous);
        await Poll.UntilAsync(async () => await EmailAsync(server, tokenA) is null);
        Assert.Equal(email, await EmailAsync(server, tokenB));
    }

    [Fact]
    public async Task A_token_signed_with_an_unknown_key_is_refused_whatever_kid_it_names_and_one_without_a_kid_is_checked_against_every_accepted_key()
    {
        var (keyA, keyB, unknown) = (VaultedShopServer.NewSecret(), VaultedShopServer.NewSecret(), VaultedShopServer.NewSecret());
        var vault = new InMemoryVault((Current, keyB), (Previous, keyA));
        await using var server = await VaultedShopServer.StartAsync(vault);
        var email = ShopServer.UniqueEmail();
        var genuine = (await server.RegisterAsync(email))["accessToken"]!.GetValue<string>();
        Assert.Equal(Thumbprint(keyB), KeyIdOf(genuine));

        // The same claims, re-signed: with a previous key it is a token the shop issued before the rotation.
        Assert.Equal(email, await EmailAsync(server, Resign(genuine, keyA, Thumbprint(keyA))));
        Assert.Equal(email, await EmailAsync(server, Resign(genuine, keyA, keyId: null)));
        Assert.Null(await EmailAsync(server, Resign(genuine, unknown, Thumbprint(unknown))));
        Assert.Null(await EmailAsync(server, Resign(genuine, unknown, Thumbprint(keyB))));
        Assert.Null(await EmailAsync(server, Resign(genuine, unknown, Thumbprint(keyA))));
        Assert.Null(await EmailAsync(server, Resign(genuine, unknown, keyId: null)));
        Assert.Null(await EmailAsync(server, Resign(genuine, keyA, Thumbprint(keyB)))); // a real key under another key's id
    }

    [Fact]
    public async Task A_reloaded_key_that_is_too_short_is_refused_and_logged_by_its_setting_while_the_keys_in_use_stay()
    {
        var key = VaultedShopServer.NewSecret();
        var vault = new InMemoryVault((Current, key));
        var logs = new CapturingLoggerProvider();
        await using var server = await VaultedShopServer.StartAsync(vault, logs);
        var email = ShopServer.UniqueEmail();
        var token = (await server.RegisterAsync(email))["accessToken"]!.GetValue<string>();

        const string tooShort = "only-twenty-six-bytes-long";
        vault.Set("OrleansShop--Auth--PreviousSigningKeys--3", tooShort);
        await Poll.UntilAsync(() => Task.FromResult(logs.Entries.Any(e => e.Contains("PreviousSigningKeys:3", StringComparison.Ordinal))));

        var refused = logs.Entries.Single(e => e.Contains("PreviousSigningKeys:3", StringComparison.Ordinal));
        Assert.StartsWith("Error", refused, StringComparison.Ordinal);
        Assert.Contains("at least 32 bytes", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(tooShort, refused, StringComparison.Ordinal);
        Assert.All(logs.Entries, e => Assert.DoesNotContain(key, e, StringComparison.Ordinal));
        Assert.Equal(email, await EmailAsync(server, token));
        Assert.Equal(Thumbprint(key), KeyIdOf((await server.LoginAsync(email))["accessToken"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("OrleansShop:Auth:SigningKey")]
    [InlineData("OrleansShop:Auth:PreviousSigningKeys:1")]
    public void A_signing_key_shorter_than_32_bytes_stops_start_up_with_a_message_naming_it(string setting)
    {
        const string tooShort = "thirty-one-bytes-is-not-enough!";
        var error = ShopServer.StartUpFailure(
            "Production",
            "OrleansShop:Auth:SigningKey=" + VaultedShopServer.NewSecret(),
            "OrleansShop:Auth:PreviousSigningKeys:0=" + VaultedShopServer.NewSecret(),
            $"{setting}={tooShort}");

        Assert.Equal($"{setting} must be at least 32 bytes long.", error.Message);
    }

    /// <summary>RFC 7638: the SHA-256 of the key's JWK with its required members only, in order, base64url.</summary>
    private static string Thumbprint(string key) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"k":"{{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(key))}}","kty":"oct"}""")));

    private static string? KeyIdOf(string token) => new JsonWebToken(token).TryGetHeaderValue<string>("kid", out var kid) ? kid : null;

    /// <summary>The token's claims signed anew with <paramref name="key"/>, with <paramref name="keyId"/> as its kid (none when null).</summary>
    private static string Resign(string token, string key, string? keyId)
    {
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[1]));
        var signingKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)) { KeyId = keyId };
        return new JsonWebTokenHandler().CreateToken(payload, new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256));
    }

    private static async Task<string?> EmailAsync(ShopServer server, string token) =>
        (await server.DataAsync(Me, accessToken: token))["me"]?["email"]?.GetValue<string>();

    private static async Task UntilSignedWithAsync(ShopServer server, string email, string key) =>
        await Poll.UntilAsync(async () => KeyIdOf((await server.LoginAsync(email))["accessToken"]!.GetValue<string>()) == Thumbprint(key));
}
