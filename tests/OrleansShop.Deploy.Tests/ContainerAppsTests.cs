namespace OrleansShop.Deploy.Tests;

/// <summary>The API and silo apps as main.bicep compiles them.</summary>
public sealed class ContainerAppsTests(DeploymentBuild build)
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

    [Fact]
    public void Container_app_secrets_are_key_vault_references_without_values()
    {
        var apps = build.RequireMain().OfType("Microsoft.App/containerApps").ToList();

        Assert.All(apps, app =>
        {
            // A for-loop over the module's keyVaultSecrets compiles to a copy of this shape.
            var copy = Assert.Single(app.Properties!["configuration"]!["copy"]!.AsArray());
            Assert.Equal("secrets", copy!["name"]!.GetValue<string>());
            var input = copy["input"]!.AsObject();
            Assert.Equal(["identity", "keyVaultUrl", "name"], input.Select(p => p.Key).Order(StringComparer.Ordinal));
        });
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
}
