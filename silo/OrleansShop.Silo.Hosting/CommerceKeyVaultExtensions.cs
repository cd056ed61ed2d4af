using System.Globalization;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansShop.Silo.Hosting.Secrets;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Secrets from Azure Key Vault in Azure, from any other configuration source elsewhere: with <c>OrleansShop:KeyVault:Uri</c>
/// set (<c>https://NAME.vault.azure.net/</c>) the vault's secrets are added as configuration, read with the process's Azure
/// identity (<see cref="AzureIdentity"/>), after every other source, so a secret in the vault wins over an environment
/// variable of the same key; they are read again every <c>OrleansShop:KeyVault:ReloadInterval</c> (5 minutes by default)
/// while the host runs. Unset, nothing calls Azure. Call it first, before anything reads a secret.
/// </summary>
public static class CommerceKeyVaultExtensions
{
    public const string UriKey = ShopOptions.Section + ":KeyVault:Uri";

    public const string ReloadIntervalKey = ShopOptions.Section + ":KeyVault:ReloadInterval";

    public static readonly TimeSpan DefaultReloadInterval = TimeSpan.FromMinutes(5);

    public static IHostApplicationBuilder AddCommerceKeyVault(this IHostApplicationBuilder builder) =>
        builder.AddCommerceKeyVault(vault => new SecretClient(vault, AzureIdentity.Default), TimeProvider.System);

    /// <param name="clients">Makes the vault's client (tests give one that calls no vault).</param>
    internal static IHostApplicationBuilder AddCommerceKeyVault(this IHostApplicationBuilder builder, Func<Uri, SecretClient> clients, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var provider = builder.Configuration.AddCommerceKeyVault(clients, time, out var vault);
        if (provider is not null)
        {
            var interval = ReloadInterval(builder.Configuration);
            builder.Services.AddHostedService(services => new KeyVaultSecretsReloader(
                provider, vault!, interval, time, services.GetRequiredService<ILogger<KeyVaultSecretsReloader>>()));
        }

        return builder;
    }

    /// <param name="configuration">The configuration built so far, which names the vault, and to which its secrets are added.</param>
    /// <param name="clients">Makes the vault's client (tests give one that calls no vault).</param>
    internal static IConfigurationManager AddCommerceKeyVault(this IConfigurationManager configuration, Func<Uri, SecretClient> clients, TimeProvider time)
    {
        configuration.AddCommerceKeyVault(clients, time, out _);
        return configuration;
    }

    /// <returns>The vault's configuration provider (read once already), or null when no vault is configured.</returns>
    internal static KeyVaultSecretsConfigurationProvider? AddCommerceKeyVault(
        this IConfigurationManager configuration, Func<Uri, SecretClient> clients, TimeProvider time, out Uri? vault)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(clients);
        vault = null;
        var configured = configuration[UriKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out vault) || vault.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"{UriKey} '{configured}' must be the vault's https:// address, e.g. https://NAME.vault.azure.net/.");
        }

        _ = ReloadInterval(configuration); // a bad interval stops start-up before the vault is called
        var provider = new KeyVaultSecretsConfigurationProvider(clients(vault), time);
        configuration.Add(new KeyVaultSecretsConfigurationSource(provider));
        return provider;
    }

    internal static TimeSpan ReloadInterval(IConfiguration configuration)
    {
        var configured = configuration[ReloadIntervalKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DefaultReloadInterval;
        }

        return TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero
            ? interval
            : throw new InvalidOperationException($"{ReloadIntervalKey} '{configured}' must be a positive time span, e.g. 00:05:00.");
    }
}
