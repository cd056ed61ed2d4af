using System.Text.Json.Nodes;

namespace OrleansShop.Deploy.Tests;

/// <summary>
/// The API as Front Door's origin, as main.bicep compiles it: it believes X-Forwarded-For from the apps subnet (where the
/// environment's ingress runs) two hops deep, refuses requests without this profile's X-Azure-FDID, and the subnet lets
/// only Front Door's back ends reach the ingress.
/// </summary>
public sealed class ApiBehindFrontDoorTests(DeploymentBuild build)
{
    private string ApiSettings() =>
        Assert.Single(build.RequireMain().Resources, r => r.Type == "Microsoft.Resources/deployments" && r.Json["name"]?.GetValue<string>() == "api-app")
            .At("properties", "parameters", "settings", "value")!.GetValue<string>();

    [Fact]
    public void The_api_trusts_the_apps_subnet_two_hops_deep_and_this_front_doors_id()
    {
        var main = build.RequireMain();
        var settings = ApiSettings();

        Assert.Contains("createObject('name', 'OrleansShop__Proxy__TrustedNetworks', 'value', parameters('network').appsSubnetPrefix)", settings, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'OrleansShop__Proxy__ForwardLimit', 'value', '2')", settings, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'OrleansShop__Proxy__FrontDoorId', 'value', reference('frontDoor').outputs.frontDoorId.value)", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("OrleansShop__Proxy__TrustedProxies", settings, StringComparison.Ordinal);

        // The trusted network is the subnet the environment runs in, and the id is the profile's own.
        var network = Assert.Single(main.Resources, r => r.Type == "Microsoft.Resources/deployments" && r.Json["name"]?.GetValue<string>() == "network");
        Assert.Equal("[parameters('network').appsSubnetPrefix]", network.StringAt("properties", "parameters", "appsSubnetPrefix", "value"));
        var environment = Assert.Single(main.Resources, r => r.Type == "Microsoft.Resources/deployments" && r.Json["name"]?.GetValue<string>() == "container-apps-environment");
        Assert.Equal("[reference('vnet').outputs.appsSubnetId.value]", environment.StringAt("properties", "parameters", "infrastructureSubnetId", "value"));
        var frontDoor = Assert.Single(main.Nested, n => n.Path == "main/front-door");
        Assert.Equal("[reference(resourceId('Microsoft.Cdn/profiles', format('{0}-afd', parameters('namePrefix'))), '2024-09-01').frontDoorId]",
            frontDoor.Root["outputs"]!["frontDoorId"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void The_silos_are_not_given_the_api_s_proxy_settings()
    {
        var silo = Assert.Single(build.RequireMain().Resources, r => r.Type == "Microsoft.Resources/deployments" && r.Json["name"]?.GetValue<string>() == "silo-app");

        Assert.DoesNotContain("OrleansShop__Proxy__", silo.Json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_front_doors_back_ends_may_reach_the_ingress_from_outside_the_network()
    {
        var nsg = Assert.Single(build.RequireMain().OfType("Microsoft.Network/networkSecurityGroups"));
        var inbound = nsg.Properties!["securityRules"]!.AsArray()
            .Select(r => r!["properties"]!)
            .Where(p => p["direction"]!.GetValue<string>() == "Inbound")
            .ToList();
        static bool OpensWeb(JsonNode rule) =>
            rule["destinationPortRange"]?.GetValue<string>() is "*" or "80" or "443"
            || rule["destinationPortRanges"]?.AsArray().Any(p => p!.GetValue<string>() is "80" or "443") == true;
        static string Source(JsonNode rule) => rule["sourceAddressPrefix"]?.GetValue<string>() ?? "(several)";
        static int Priority(JsonNode rule) => rule["priority"]!.GetValue<int>();

        var allows = inbound.Where(r => r["access"]!.GetValue<string>() == "Allow" && OpensWeb(r)).ToList();
        var frontDoor = Assert.Single(allows, r => Source(r) == "AzureFrontDoor.Backend");
        Assert.All(allows, r => Assert.DoesNotContain(Source(r), new[] { "Internet", "*", "0.0.0.0/0", "(several)" }));

        // Said outright where a reviewer looks, and ahead of any allow rule added later with a larger number.
        var deny = Assert.Single(inbound, r => r["access"]!.GetValue<string>() == "Deny" && Source(r) == "Internet" && OpensWeb(r));
        Assert.True(Priority(frontDoor) < Priority(deny), "Front Door's allow rule must come before the deny");
    }
}
