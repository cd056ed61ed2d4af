namespace OrleansShop.Deploy.Tests;

/// <summary>SQL, PostgreSQL, Storage, Event Hubs and Key Vault as main.bicep compiles them: private, TLS 1.2, Entra ID only.</summary>
public sealed class DataServicesSecurityTests(DeploymentBuild build)
{
    [Fact]
    public void Sql_server_refuses_public_network_access_and_old_tls_and_allows_entra_id_only()
    {
        var server = Assert.Single(build.RequireMain().OfType("Microsoft.Sql/servers"));

        Assert.Equal("Disabled", server.StringAt("properties", "publicNetworkAccess"));
        Assert.Equal("1.2", server.StringAt("properties", "minimalTlsVersion"));
        Assert.Equal("ActiveDirectory", server.StringAt("properties", "administrators", "administratorType"));
        Assert.True(server.BoolAt("properties", "administrators", "azureADOnlyAuthentication"));
        Assert.Null(server.At("properties", "administratorLoginPassword"));
    }

    [Fact]
    public void Every_resource_behind_a_private_endpoint_refuses_public_network_access()
    {
        var targets = build.RequireMain().PrivateEndpointTargets().ToList();

        Assert.Equal(
            ["Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.EventHub/namespaces", "Microsoft.Sql/servers", "Microsoft.Storage/storageAccounts"],
            targets.Select(t => t.TargetType).Distinct().Order(StringComparer.Ordinal));
        Assert.All(targets, t => Assert.True(
            PublicNetworkAccess(t.Target) == "Disabled",
            $"{t.Target} has a private endpoint but publicNetworkAccess is {PublicNetworkAccess(t.Target) ?? "unset (Enabled)"}"));
    }

    [Fact]
    public void Storage_account_takes_https_with_tls_1_2_only_and_has_no_public_blobs_or_shared_keys()
    {
        var account = Assert.Single(build.RequireMain().OfType("Microsoft.Storage/storageAccounts"));

        Assert.True(account.BoolAt("properties", "supportsHttpsTrafficOnly"));
        Assert.Equal("TLS1_2", account.StringAt("properties", "minimumTlsVersion"));
        Assert.False(account.BoolAt("properties", "allowBlobPublicAccess"));
        Assert.False(account.BoolAt("properties", "allowSharedKeyAccess"));
        Assert.Equal("Deny", account.StringAt("properties", "networkAcls", "defaultAction"));
    }

    [Fact]
    public void Event_hubs_namespace_takes_tls_1_2_and_entra_id_only()
    {
        var ns = Assert.Single(build.RequireMain().OfType("Microsoft.EventHub/namespaces"));

        Assert.Equal("1.2", ns.StringAt("properties", "minimumTlsVersion"));
        Assert.True(ns.BoolAt("properties", "disableLocalAuth"));
    }

    [Fact]
    public void Key_vault_authorizes_by_rbac_and_keeps_deleted_secrets_recoverable()
    {
        var vault = Assert.Single(build.RequireMain().OfType("Microsoft.KeyVault/vaults"));

        Assert.True(vault.BoolAt("properties", "enableRbacAuthorization"));
        Assert.True(vault.BoolAt("properties", "enableSoftDelete"));
        Assert.True(vault.BoolAt("properties", "enablePurgeProtection"));
        Assert.Null(vault.At("properties", "accessPolicies"));
    }

    [Fact]
    public void The_apps_identity_gets_exactly_the_data_roles_it_needs()
    {
        var main = build.RequireMain();
        var roles = main.OfType("Microsoft.Authorization/roleAssignments").Select(RoleDefinitionGuid).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
                "2b629674-e913-4c01-ae53-ef4638d8f975", // Azure Event Hubs Data Sender
                "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
                "7f951dff-4ed5-4733-bb3f-12c9e6d3bf6f", // AcrPull
                "a638d3c7-ab3a-418d-83e6-5f17a39d4fde", // Azure Event Hubs Data Receiver
            ],
            roles);
    }

    /// <summary>Where the resource type keeps it: at the top of its properties, or (PostgreSQL flexible server) under network.</summary>
    private static string? PublicNetworkAccess(ArmResource resource) =>
        resource.StringAt("properties", "publicNetworkAccess") ?? resource.StringAt("properties", "network", "publicNetworkAccess");

    /// <summary>The role's GUID, from <c>subscriptionResourceId('...roleDefinitions', variables('NAME'))</c> and that variable.</summary>
    private static string RoleDefinitionGuid(ArmResource assignment)
    {
        var expression = assignment.StringAt("properties", "roleDefinitionId") ?? string.Empty;
        var variable = System.Text.RegularExpressions.Regex.Match(expression, @"variables\('([^']+)'\)").Groups[1].Value;
        return assignment.Template.Root["variables"]?[variable]?.GetValue<string>()
            ?? throw new InvalidOperationException($"{assignment}: no role GUID in {expression}");
    }
}
