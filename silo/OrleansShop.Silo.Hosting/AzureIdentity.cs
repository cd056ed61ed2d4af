using Azure.Core;
using Azure.Identity;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// The process's Azure identity, shared by everything it signs in to (the clustering table, Key Vault): in Azure the
/// container app's managed identity (a user-assigned one named by <c>AZURE_CLIENT_ID</c>), on a developer's machine
/// the Azure CLI's sign-in. One instance, so its token cache is shared; created on first use only, so a process that
/// uses no Azure service never probes for an identity.
/// </summary>
public static class AzureIdentity
{
    private static readonly Lazy<TokenCredential> s_default = new(() => new DefaultAzureCredential());

    public static TokenCredential Default => s_default.Value;
}
