using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

public sealed class SecretsInLogsTests
{
    private const string Session = "accessToken refreshToken errors { code }";

    [Fact]
    public async Task No_password_or_token_appears_in_any_log_entry_even_at_trace_level()
    {
        var logs = new CapturingLoggerProvider();
        var server = await ShopServer.StartAsync(
            settings: ["Logging:LogLevel:Default=Trace", "Logging:LogLevel:OrleansShop=Trace", "Logging:LogLevel:Orleans=Trace", "Logging:LogLevel:Polly=Trace", "Logging:LogLevel:Microsoft.AspNetCore=Trace"],
            configure: builder => builder.Services.AddSingleton<ILoggerProvider>(logs));
        var secrets = new List<string>();
        try
        {
            await SignInEveryWayAsync(server, secrets);
        }
        finally
        {
            await server.DisposeAsync(); // stopping logs too (grain deactivations)
        }

        var entries = logs.Entries.ToArray();
        Assert.Contains(entries, e => e.StartsWith("Debug", StringComparison.Ordinal) || e.StartsWith("Trace", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("/graphql", StringComparison.Ordinal));

        // A token's last part is its secret (a JWT's signature; a refresh token's secret after the customer id, which is no
        // secret and does appear in logs): looked for alone too, in case a log shortens or splits a token.
        var leaks = (from secret in secrets
                     from part in new[] { secret, secret[(secret.LastIndexOf('.') + 1)..] }.Distinct()
                     from entry in entries
                     where entry.Contains(part, StringComparison.Ordinal)
                     select $"{part[..8]}... in: {entry}").Distinct().ToList();
        Assert.Empty(leaks);
    }

    /// <summary>Register, a failed login, login, refresh, a reused refresh token, change password, login again, a bad token; collects every secret used.</summary>
    private static async Task SignInEveryWayAsync(ShopServer server, List<string> secrets)
    {
        var email = ShopServer.UniqueEmail();
        const string password = "first-secret-passphrase";
        const string newPassword = "second-secret-passphrase";
        const string wrongPassword = "wrong-secret-passphrase";
        secrets.AddRange([password, newPassword, wrongPassword]);

        var registered = await Payload("register", "RegisterInput", new { email, password, displayName = "Logged" });
        var failed = await Payload("login", "LoginInput", new { email, password = wrongPassword });
        var loggedIn = await Payload("login", "LoginInput", new { email, password });
        var refreshed = await Payload("refreshToken", "RefreshTokenInput", new { refreshToken = loggedIn["refreshToken"]!.GetValue<string>() });
        var reused = await Payload("refreshToken", "RefreshTokenInput", new { refreshToken = loggedIn["refreshToken"]!.GetValue<string>() });
        var changed = (await server.DataAsync(
            "mutation($input: ChangePasswordInput!) { changePassword(input: $input) { errors { code } } }",
            new { input = new { currentPassword = password, newPassword } },
            refreshed["accessToken"]!.GetValue<string>()))["changePassword"]!;
        var again = await Payload("login", "LoginInput", new { email, password = newPassword });
        await server.PostAsync("{ me { id } }", accessToken: refreshed["accessToken"]!.GetValue<string>() + "tampered");

        Assert.Equal("INVALID_CREDENTIALS", failed["errors"]![0]!["code"]!.GetValue<string>());
        Assert.NotEmpty(reused["errors"]!.AsArray());
        Assert.Empty(changed["errors"]!.AsArray());
        foreach (var session in new[] { registered, loggedIn, refreshed, again })
        {
            Assert.Empty(session["errors"]!.AsArray());
            secrets.Add(session["accessToken"]!.GetValue<string>());
            secrets.Add(session["refreshToken"]!.GetValue<string>());
        }

        async Task<JsonNode> Payload(string field, string inputType, object input) =>
            (await server.DataAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {Session} }} }}", new { input }))[field]!;
    }
}
