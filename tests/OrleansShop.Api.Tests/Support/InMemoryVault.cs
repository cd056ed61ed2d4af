using Azure;
using Azure.Security.KeyVault.Secrets;

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// A secrets client over a dictionary, overriding the two calls the Key Vault configuration provider makes (as Azure's SDK
/// allows for tests). A test may change it while a server reads it in the background, and make it fail.
/// </summary>
public sealed class InMemoryVault : SecretClient
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (SecretProperties Properties, string Value)> secrets = new(StringComparer.OrdinalIgnoreCase);

    public InMemoryVault(params (string Name, string Value)[] secrets)
    {
        foreach (var (name, value) in secrets)
        {
            Set(name, value);
        }
    }

    /// <summary>How many times the vault's secrets were listed: once per read of the whole vault.</summary>
    public int Listings { get; private set; }

    /// <summary>Secret names listed, in order, over every read.</summary>
    public List<string> Listed { get; } = [];

    /// <summary>Secret names whose value was read, in order, over every read.</summary>
    public List<string> Read { get; } = [];

    /// <summary>When set, every call fails as an unreachable vault would.</summary>
    public bool Failing { get; set; }

    public void Set(string name, string value, bool enabled = true, DateTimeOffset? expires = null, DateTimeOffset? notBefore = null)
    {
        lock (gate)
        {
            secrets[name] = (new SecretProperties(name) { Enabled = enabled, ExpiresOn = expires, NotBefore = notBefore }, value);
        }
    }

    public void Disable(string name)
    {
        lock (gate)
        {
            var (_, value) = secrets[name];
            secrets[name] = (new SecretProperties(name) { Enabled = false }, value);
        }
    }

    public override AsyncPageable<SecretProperties> GetPropertiesOfSecretsAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            ThrowIfFailing();
            var listed = secrets.Values.Select(s => s.Properties).ToList();
            Listings++;
            Listed.AddRange(listed.Select(s => s.Name));
            return AsyncPageable<SecretProperties>.FromPages([Page<SecretProperties>.FromValues(listed, continuationToken: null, response: null!)]);
        }
    }

    public override Task<Response<KeyVaultSecret>> GetSecretAsync(string name, string? version = null, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            ThrowIfFailing();
            Read.Add(name);
            var secret = SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: name), secrets[name].Value);
            return Task.FromResult(Response.FromValue(secret, null!));
        }
    }

    private void ThrowIfFailing()
    {
        if (Failing)
        {
            throw new RequestFailedException(503, "The vault is not reachable (test).");
        }
    }
}
