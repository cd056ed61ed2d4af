using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using OrleansShop.Api.Tests.Support;
using OrleansShop.Silo.Hosting;

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
        vault.Add("OrleansShop--Demo--Seed", "disabled", enabled: false);
        vault.Add("OrleansShop--Demo--Products", "expired", expires: s_now.AddMinutes(-1));
        vault.Add("OrleansShop--Admin--Email", "not-yet", notBefore: s_now.AddMinutes(1));

        var configuration = WithVault(vault, ("OrleansShop:Auth:SigningKey", "from-the-environment"), ("OrleansShop:Demo:Seed", "true"));

        Assert.Equal("from-the-vault", configuration["OrleansShop:Auth:SigningKey"]);
        Assert.Equal("true", configuration["OrleansShop:Demo:Seed"]);
        Assert.Null(configuration["OrleansShop:Demo:Products"]);
        Assert.Null(configuration["OrleansShop:Admin:Email"]);
        Assert.Equal(["OrleansShop--Admin--Email", "OrleansShop--Auth--SigningKey", "OrleansShop--Demo--Products", "OrleansShop--Demo--Seed"], vault.Listed.Order());
        Assert.Equal(["OrleansShop--Auth--SigningKey"], vault.Read);
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
        var directory = Directory.CreateTempSubdirectory("orleansshop-api-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => Program.Build(
                ["--urls", "http://127.0.0.1:0", "--environment", "Development", "--OrleansShop:DataDirectory=" + directory, "--OrleansShop:KeyVault:Uri=http://shop.vault.example/"]));
            Assert.Contains("OrleansShop:KeyVault:Uri", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            ShopServer.TryDelete(directory);
        }
    }

    private static ConfigurationManager WithVault(InMemoryVault vault, params (string Key, string Value)[] environment)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)));
        configuration["OrleansShop:KeyVault:Uri"] = "https://shop.vault.azure.net/";
        configuration.AddCommerceKeyVault(uri => uri == new Uri("https://shop.vault.azure.net/") ? vault : throw new ArgumentException(uri.ToString()), new FixedTime());
        return configuration;
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => s_now;
    }

    /// <summary>A secrets client over a dictionary, overriding the two calls the provider makes (as Azure's SDK allows for tests).</summary>
    private sealed class InMemoryVault : SecretClient
    {
        private readonly List<SecretProperties> _secrets = [];
        private readonly Dictionary<string, string> _values = [];

        public InMemoryVault(params (string Name, string Value)[] secrets)
        {
            foreach (var (name, value) in secrets)
            {
                Add(name, value);
            }
        }

        public List<string> Listed { get; } = [];

        public List<string> Read { get; } = [];

        public void Add(string name, string value, bool enabled = true, DateTimeOffset? expires = null, DateTimeOffset? notBefore = null)
        {
            var properties = new SecretProperties(name) { Enabled = enabled, ExpiresOn = expires, NotBefore = notBefore };
            _secrets.Add(properties);
            _values[name] = value;
        }

        public override Pageable<SecretProperties> GetPropertiesOfSecrets(CancellationToken cancellationToken = default)
        {
            Listed.AddRange(_secrets.Select(s => s.Name));
            return Pageable<SecretProperties>.FromPages([Page<SecretProperties>.FromValues(_secrets, continuationToken: null, response: null!)]);
        }

        public override Response<KeyVaultSecret> GetSecret(string name, string? version = null, CancellationToken cancellationToken = default)
        {
            Read.Add(name);
            return Response.FromValue(SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: name), _values[name]), null!);
        }
    }
}
