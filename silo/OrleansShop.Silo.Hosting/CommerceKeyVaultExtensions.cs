using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OrleansShop.Silo.Hosting.Secrets;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Secrets from Azure Key Vault in Azure, from any other configuration source elsewhere: with <c>OrleansShop:KeyVault:Uri</c>
/// set (<c>https://NAME.vault.azure.net/</c>) the vault's secrets are added as configuration, read with the process's Azure
/// identity (<see cref="AzureIdentity"/>), after every other source, so a secret in the vault wins over an environment
/// variable of the same key. Unset, nothing calls Azure. Call it first, before anything reads a secret.
/// </summary>
public static class CommerceKeyVaultExtensions
{
    public const string UriKey = ShopOptions.Section + ":KeyVault:Uri";

    public static IHostApplicationBuilder AddCommerceKeyVault(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddCommerceKeyVault(vault => new SecretClient(vault, AzureIdentity.Default), TimeProvider.System);
        return builder;
    }

    /// <param name="configuration">The configuration built so far, which names the vault, and to which its secrets are added.</param>
    /// <param name="clients">Makes the vault's client (tests give one that calls no vault).</param>
    internal static IConfigurationManager AddCommerceKeyVault(this IConfigurationManager configuration, Func<Uri, SecretClient> clients, TimeProvider time)
    {
        var configured = configuration[UriKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return configuration;
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var vault) || vault.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"{UriKey} '{configured}' must be the vault's https:// address, e.g. https://NAME.vault.azure.net/.");
        }

        configuration.Add(new KeyVaultSecretsConfigurationSource(clients(vault), time));
        return configuration;
    }
}
