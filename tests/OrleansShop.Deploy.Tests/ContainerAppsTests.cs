using System.Text.RegularExpressions;

namespace OrleansShop.Deploy.Tests;

/// <summary>The API and silo apps as main.bicep compiles them.</summary>
public sealed partial class ContainerAppsTests(DeploymentBuild build)
{
    private ArmResource App(string container) =>
        Assert.Single(build.RequireMain().OfType("Microsoft.App/containerApps"),
            a => a.Properties?["template"]?["containers"]?[0]?["name"]?.GetValue<string>() == container);

    [Fact]
    public void Every_container_app_runs_as_the_user_assigned_identity_and_pulls_images_with_it()
    {
        var apps = build.RequireMain().OfType("Microsoft.App/containerApps").ToList();

        Assert.Equal(2, apps.Count);
        Assert.All(apps, app =>
        {
            Assert.Equal("UserAssigned", app.StringAt("identity", "type"));
            Assert.NotEmpty(app.At("identity", "userAssignedIdentities")!.AsObject());
            var registry = Assert.Single(app.Properties!["configuration"]!["registries"]!.AsArray());
            Assert.NotNull(registry!["identity"]);
            Assert.Null(registry["passwordSecretRef"]);
        });
    }

    [Theory]
    [InlineData("api", "api-app", "settings")]
    [InlineData("silo", "silo-app", "sharedSettings")]
    public void Each_app_is_given_the_key_vault_uri_and_holds_no_secret_of_its_own(string container, string module, string settingsParameter)
    {
        var main = build.RequireMain();
        var app = App(container);

        // The app reads its secrets from the vault (and again while it runs); Container Apps holds none for it.
        Assert.Null(app.At("properties", "configuration", "secrets"));
        Assert.DoesNotContain("secretRef", app.Json.ToJsonString(), StringComparison.Ordinal);
        var env = app.Properties!["template"]!["containers"]![0]!["env"]!.GetValue<string>();
        Assert.StartsWith($"[concat(parameters('{settingsParameter}'),", env, StringComparison.Ordinal);

        var deployment = Assert.Single(main.Resources, r => r.Type == "Microsoft.Resources/deployments" && r.Json["name"]?.GetValue<string>() == module);
        var settings = deployment.At("properties", "parameters", settingsParameter, "value")!.GetValue<string>();
        Assert.Contains("createObject('name', 'OrleansShop__KeyVault__Uri', 'value', reference('vault').outputs.uri.value)", settings, StringComparison.Ordinal);
        var vault = Assert.Single(main.Nested, n => n.Path == "main/keyvault");
        Assert.Equal("[reference(resourceId('Microsoft.KeyVault/vaults', parameters('name')), '2024-11-01').vaultUri]", vault.Root["outputs"]!["uri"]!["value"]!.GetValue<string>());

        // No setting carries a secret: none is named like one, and the database connection string has no password.
        Assert.DoesNotMatch(SecretSettingName(), settings);
        Assert.DoesNotContain("Password=", settings, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", settings, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Api_ingress_is_external_and_https_only_and_scales_on_concurrent_requests()
    {
        var api = App("api");

        Assert.True(api.BoolAt("properties", "configuration", "ingress", "external"));
        Assert.False(api.BoolAt("properties", "configuration", "ingress", "allowInsecure"));
        var rule = Assert.Single(api.Properties!["template"]!["scale"]!["rules"]!.AsArray());
        Assert.NotNull(rule!["http"]?["metadata"]?["concurrentRequests"]);
    }

    [Fact]
    public void Silo_app_has_no_external_ingress_and_scales_on_cpu()
    {
        var silo = App("silo");

        var ingress = silo.At("properties", "configuration", "ingress");
        Assert.True(ingress is null || ingress["external"]?.GetValue<bool>() == false, $"the silo app has external ingress: {ingress}");
        var rule = Assert.Single(silo.Properties!["template"]!["scale"]!["rules"]!.AsArray());
        Assert.Equal("cpu", rule!["custom"]?["type"]?.GetValue<string>());
        Assert.True(silo.Properties!["template"]!["terminationGracePeriodSeconds"]!.GetValue<int>() >= 30,
            "a stopping silo needs time to leave the membership table");
    }

    [Fact]
    public void The_container_apps_environment_is_in_the_virtual_network()
    {
        var environment = Assert.Single(build.RequireMain().OfType("Microsoft.App/managedEnvironments"));

        Assert.NotNull(environment.At("properties", "vnetConfiguration", "infrastructureSubnetId"));
    }

    [GeneratedRegex(@"'name', '[^']*(SigningKey|Secret|Password|ApiKey)[^']*'", RegexOptions.IgnoreCase)]
    private static partial Regex SecretSettingName();
}
