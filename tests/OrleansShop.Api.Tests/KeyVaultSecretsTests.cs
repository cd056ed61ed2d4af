using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OrleansShop.Api.Tests.Support;
using OrleansShop.Silo.Hosting;
using OrleansShop.Silo.Hosting.Payments;
using OrleansShop.Silo.Hosting.Secrets;

namespace OrleansShop.Api.Tests;

/// <summary>Key Vault secrets as configuration, against a secrets client that answers from memory (no Azure call).</summary>
public sealed class KeyVaultSecretsTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Secret_names_map_double_dashes_to_configuration_sections()
    {
        var configuration = WithVault(new InMemoryVault(
            ("OrleansShop--Auth--SigningKey", "vault-signing-key"),
            ("OrleansShop--Payments--Sandbox--WebhookSecret", "vault-webhook-secret"),
            ("OrleansShop--Storage--ConnectionString", "Server=tcp:db.example;Authentication=Active Directory Managed Identity")));

        Assert.Equal("vault-signing-key", configuration["OrleansShop:Auth:SigningKey"]);
        Assert.Equal("vault-webhook-secret", configuration.GetSection("OrleansShop:Payments:Sandbox")["WebhookSecret"]);
        Assert.Equal("Server=tcp:db.example;Authentication=Active Directory Managed Identity", configuration["OrleansShop:Storage:ConnectionString"]);
    }

    [Fact]
    public void A_vault_secret_wins_over_the_environment_and_disabled_expired_or_future_secrets_are_left_out()
    {
        var vault = new InMemoryVault(("OrleansShop--Auth--SigningKey", "from-the-vault"));
        vault.Set("OrleansShop--Demo--Seed", "disabled", enabled: false);
        vault.Set("OrleansShop--Demo--Products", "expired", expires: s_now.AddMinutes(-1));
        vault.Set("OrleansShop--Admin--Email", "not-yet", notBefore: s_now.AddMinutes(1));

        var configuration = WithVault(vault, ("OrleansShop:Auth:SigningKey", "from-the-environment"), ("OrleansShop:Demo:Seed", "true"));

        Assert.Equal("from-the-vault", configuration["OrleansShop:Auth:SigningKey"]);
        Assert.Equal("true", configuration["OrleansShop:Demo:Seed"]);
        Assert.Null(configuration["OrleansShop:Demo:Products"]);
        Assert.Null(configuration["OrleansShop:Admin:Email"]);
        Assert.Equal(["OrleansShop--Admin--Email", "OrleansShop--Auth--SigningKey", "OrleansShop--Demo--Products", "OrleansShop--Demo--Seed"], vault.Listed.Order());
        Assert.Equal(["OrleansShop--Auth--SigningKey"], vault.Read);
    }

    [Fact]
    public async Task A_reload_serves_a_rotated_secret_drops_a_disabled_one_and_fires_the_change_token()
    {
        var vault = new InMemoryVault(("OrleansShop--Auth--SigningKey", "first-key"), ("OrleansShop--Auth--PreviousSigningKeys--0", "old-key"));
        using var configuration = WithVault(vault, out var provider);
        var auth = configuration.GetSection("OrleansShop:Auth");
        var fired = 0;
        using var registration = ChangeToken.OnChange(((IConfiguration)configuration).GetReloadToken, () => fired++);
        var logs = new CapturingLoggerProvider();
        using var reloader = Reloader(provider, logs);

        vault.Set("OrleansShop--Auth--SigningKey", "second-key");
        vault.Set("OrleansShop--Auth--PreviousSigningKeys--0", "first-key");
        vault.Set("OrleansShop--Auth--PreviousSigningKeys--1", "old-key");
        vault.Disable("OrleansShop--Auth--PreviousSigningKeys--1");

        Assert.True(await reloader.ReloadOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal("second-key", auth["SigningKey"]);
        Assert.Equal(["first-key"], auth.GetSection("PreviousSigningKeys").Get<string[]>() ?? []);
        Assert.Equal(1, fired);
        var changed = Assert.Single(logs.Entries);
        Assert.Contains("OrleansShop:Auth:PreviousSigningKeys:0, OrleansShop:Auth:SigningKey", changed, StringComparison.Ordinal);
        Assert.All(["first-key", "second-key", "old-key"], value => Assert.DoesNotContain(value, changed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_options_monitor_bound_to_the_configuration_sees_a_secret_rotated_in_the_vault_after_a_reload()
    {
        var vault = new InMemoryVault(("OrleansShop--Payments--Sandbox--WebhookSecret", "first-secret"));
        using var configuration = WithVault(vault, out var provider);
        var services = new ServiceCollection();
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.Section));
        await using var container = services.BuildServiceProvider();
        var monitor = container.GetRequiredService<IOptionsMonitor<SandboxOptions>>();
        var seen = new List<string?>();
        using var listener = monitor.OnChange(o => seen.Add(o.WebhookSecret));
        Assert.Equal("first-secret", monitor.CurrentValue.WebhookSecret);

        vault.Set("OrleansShop--Payments--Sandbox--WebhookSecret", "second-secret");
        vault.Set("OrleansShop--Payments--Sandbox--PreviousWebhookSecrets--0", "first-secret");
        using var reloader = Reloader(provider, new CapturingLoggerProvider());
        Assert.True(await reloader.ReloadOnceAsync(TestContext.Current.CancellationToken));

        Assert.Equal(["second-secret"], seen);
        Assert.Equal("second-secret", monitor.CurrentValue.WebhookSecret);
        Assert.Equal("first-secret", monitor.CurrentValue.PreviousWebhookSecrets["0"]);
    }

    [Fact]
    public async Task A_rotated_secret_that_its_options_refuse_is_logged_as_refused_and_not_as_a_failed_read()
    {
        var vault = new InMemoryVault(("OrleansShop--Payments--Sandbox--WebhookSecret", "first-secret"));
        using var configuration = WithVault(vault, out var provider);
        var services = new ServiceCollection();
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.Section))
            .Validate(o => o.WebhookSecret != "refused-secret-value", "the webhook secret is refused");
        await using var container = services.BuildServiceProvider();
        var monitor = container.GetRequiredService<IOptionsMonitor<SandboxOptions>>();
        using var listener = monitor.OnChange(_ => { });
        var logs = new CapturingLoggerProvider();
        using var reloader = Reloader(provider, logs);

        vault.Set("OrleansShop--Payments--Sandbox--WebhookSecret", "refused-secret-value");
        Assert.True(await reloader.ReloadOnceAsync(TestContext.Current.CancellationToken));

        // The vault was read and its value is served; only the options' validation refused it, which an operator must fix.
        Assert.Equal("refused-secret-value", configuration["OrleansShop:Payments:Sandbox:WebhookSecret"]);
        var entries = logs.Entries.ToArray();
        Assert.Equal(2, entries.Length);
        Assert.StartsWith("Information", entries[0], StringComparison.Ordinal);
        var refused = entries[1];
        Assert.StartsWith("Error", refused, StringComparison.Ordinal);
        Assert.Contains("OrleansShop:Payments:Sandbox:WebhookSecret", refused, StringComparison.Ordinal);
        Assert.Contains("the webhook secret is refused", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("reading the secrets again failed", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("refused-secret-value", string.Join('\n', entries), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reload_that_reads_the_same_values_fires_no_change_token_and_logs_nothing()
    {
        var vault = new InMemoryVault(("OrleansShop--Auth--SigningKey", "the-key"));
        using var configuration = WithVault(vault, out var provider);
        var fired = 0;
        using var registration = ChangeToken.OnChange(((IConfiguration)configuration).GetReloadToken, () => fired++);
        var logs = new CapturingLoggerProvider();
        using var reloader = Reloader(provider, logs);

        Assert.True(await reloader.ReloadOnceAsync(TestContext.Current.CancellationToken));

        Assert.Equal(0, fired);
        Assert.Empty(logs.Entries);
        Assert.Equal(["OrleansShop--Auth--SigningKey", "OrleansShop--Auth--SigningKey"], vault.Read);
    }

    [Fact]
    public async Task A_failed_reload_keeps_the_last_values_and_logs_the_failure_without_them()
    {
        var vault = new InMemoryVault(("OrleansShop--Auth--SigningKey", "the-signing-key-value"), ("OrleansShop--Payments--Sandbox--WebhookSecret", "the-webhook-secret-value"));
        using var configuration = WithVault(vault, out var provider);
        var fired = 0;
        using var registration = ChangeToken.OnChange(((IConfiguration)configuration).GetReloadToken, () => fired++);
        var logs = new CapturingLoggerProvider();
        using var reloader = Reloader(provider, logs);

        vault.Failing = true;
        Assert.False(await reloader.ReloadOnceAsync(TestContext.Current.CancellationToken));

        Assert.Equal("the-signing-key-value", configuration["OrleansShop:Auth:SigningKey"]);
        Assert.Equal("the-webhook-secret-value", configuration["OrleansShop:Payments:Sandbox:WebhookSecret"]);
        Assert.Equal(0, fired);
        var failure = Assert.Single(logs.Entries);
        Assert.StartsWith("Warning", failure, StringComparison.Ordinal);
        Assert.Contains("https://shop.vault.azure.net/", failure, StringComparison.Ordinal);
        Assert.Contains("not reachable", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("the-signing-key-value", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("the-webhook-secret-value", failure, StringComparison.Ordinal);

        vault.Failing = false;
        vault.Set("OrleansShop--Auth--SigningKey", "the-next-signing-key-value");
        Assert.True(await reloader.ReloadOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal("the-next-signing-key-value", configuration["OrleansShop:Auth:SigningKey"]);
        Assert.Equal(1, fired);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-00:01:00")]
    [InlineData("five minutes")]
    public void A_reload_interval_that_is_not_a_positive_time_span_stops_start_up_before_the_vault_is_called(string interval)
    {
        var made = 0;
        using var configuration = new ConfigurationManager();
        configuration["OrleansShop:KeyVault:Uri"] = "https://shop.vault.azure.net/";
        configuration["OrleansShop:KeyVault:ReloadInterval"] = interval;

        var error = Assert.Throws<InvalidOperationException>(() => configuration.AddCommerceKeyVault(_ => { made++; return new InMemoryVault(); }, TimeProvider.System));

        Assert.Contains("OrleansShop:KeyVault:ReloadInterval", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, made);
    }

    [Fact]
    public void A_source_inserted_ahead_of_the_vault_rebuilds_the_configuration_without_reading_the_vault_again()
    {
        var vault = new InMemoryVault(("OrleansShop--Auth--SigningKey", "from-the-vault"));
        var configuration = WithVault(vault);

        // The API does this outside Development (a default log level for requests, lowest in precedence): inserting a
        // source rebuilds every provider and loads it again. Each read of a vault lists and fetches every secret, calls
        // that are metered and throttled; the reloader, not a rebuild, keeps the values fresh.
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = [new("Logging:LogLevel:Default", "Warning")] });

        Assert.Equal(1, vault.Listings);
        Assert.Equal("from-the-vault", configuration["OrleansShop:Auth:SigningKey"]);
        Assert.Equal("Warning", configuration["Logging:LogLevel:Default"]);
    }

    [Fact]
    public void The_reload_interval_is_five_minutes_unless_configured()
    {
        using var configuration = new ConfigurationManager();
        Assert.Equal(TimeSpan.FromMinutes(5), CommerceKeyVaultExtensions.ReloadInterval(configuration));
        configuration["OrleansShop:KeyVault:ReloadInterval"] = "00:00:30";
        Assert.Equal(TimeSpan.FromSeconds(30), CommerceKeyVaultExtensions.ReloadInterval(configuration));
    }

    [Fact]
    public void Without_a_vault_address_no_client_is_made()
    {
        var made = 0;
        using var configuration = new ConfigurationManager();
        configuration.AddCommerceKeyVault(_ => { made++; return new InMemoryVault(); }, TimeProvider.System);

        Assert.Equal(0, made);
    }

    [Fact]
    public void A_vault_address_that_is_not_https_stops_the_API_at_start_up()
    {
        var error = ShopServer.StartUpFailure("Development", "OrleansShop:KeyVault:Uri=http://shop.vault.example/");
        Assert.Contains("OrleansShop:KeyVault:Uri", error.Message, StringComparison.Ordinal);
    }

    private static ConfigurationManager WithVault(InMemoryVault vault, params (string Key, string Value)[] environment) =>
        WithVault(vault, out _, environment);

    private static ConfigurationManager WithVault(InMemoryVault vault, out KeyVaultSecretsConfigurationProvider provider, params (string Key, string Value)[] environment)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)));
        configuration["OrleansShop:KeyVault:Uri"] = "https://shop.vault.azure.net/";
        provider = configuration.AddCommerceKeyVault(
            uri => uri == new Uri("https://shop.vault.azure.net/") ? vault : throw new ArgumentException(uri.ToString()), new FixedTime(), out _)!;
        return configuration;
    }

    private static KeyVaultSecretsReloader Reloader(KeyVaultSecretsConfigurationProvider provider, CapturingLoggerProvider logs)
    {
        var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        return new KeyVaultSecretsReloader(
            provider, new Uri("https://shop.vault.azure.net/"), CommerceKeyVaultExtensions.DefaultReloadInterval, new FixedTime(), loggers.CreateLogger<KeyVaultSecretsReloader>());
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => s_now;
    }
}
