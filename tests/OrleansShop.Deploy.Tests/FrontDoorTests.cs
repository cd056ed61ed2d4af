namespace OrleansShop.Deploy.Tests;

/// <summary>Front Door and its WAF policy as main.bicep compiles them.</summary>
public sealed class FrontDoorTests(DeploymentBuild build)
{
    [Fact]
    public void Waf_policy_blocks_in_prevention_mode_with_the_default_rule_set_and_a_rate_limit()
    {
        var policy = Assert.Single(build.RequireMain().OfType("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies"));

        Assert.Equal("Prevention", policy.StringAt("properties", "policySettings", "mode"));
        Assert.Equal("Enabled", policy.StringAt("properties", "policySettings", "enabledState"));
        var ruleSets = policy.Properties!["managedRules"]!["managedRuleSets"]!.AsArray();
        Assert.Contains(ruleSets, r => r!["ruleSetType"]!.GetValue<string>() is "Microsoft_DefaultRuleSet" or "DefaultRuleSet"
            && r["ruleSetAction"]?.GetValue<string>() == "Block");
        Assert.Contains(policy.Properties!["customRules"]!["rules"]!.AsArray(),
            r => r!["ruleType"]!.GetValue<string>() == "RateLimitRule" && r["action"]!.GetValue<string>() == "Block");
    }

    [Fact]
    public void Waf_policy_covers_every_path_of_the_endpoint()
    {
        var main = build.RequireMain();
        var security = Assert.Single(main.OfType("Microsoft.Cdn/profiles/securityPolicies"));

        Assert.Equal("WebApplicationFirewall", security.StringAt("properties", "parameters", "type"));
        var association = Assert.Single(security.Properties!["parameters"]!["associations"]!.AsArray());
        Assert.Equal(["/*"], association!["patternsToMatch"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public void Custom_domains_require_tls_1_2()
    {
        var domains = build.RequireMain().OfType("Microsoft.Cdn/profiles/customDomains").ToList();

        Assert.NotEmpty(domains);
        Assert.All(domains, d => Assert.Equal("TLS12", d.StringAt("properties", "tlsSettings", "minimumTlsVersion")));
    }

    [Fact]
    public void Every_route_redirects_http_to_https_and_reaches_the_origin_over_https_only()
    {
        var routes = build.RequireMain().OfType("Microsoft.Cdn/profiles/afdEndpoints/routes").ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, r =>
        {
            Assert.Equal("Enabled", r.StringAt("properties", "httpsRedirect"));
            Assert.Equal("HttpsOnly", r.StringAt("properties", "forwardingProtocol"));
        });
    }

    [Fact]
    public void Graphql_is_routed_uncached_and_the_storefront_assets_cached()
    {
        var routes = build.RequireMain().OfType("Microsoft.Cdn/profiles/afdEndpoints/routes").ToList();
        static IEnumerable<string> Patterns(ArmResource r) => r.Properties!["patternsToMatch"]!.AsArray().Select(p => p!.GetValue<string>());

        var graphql = Assert.Single(routes, r => Patterns(r).Contains("/graphql"));
        Assert.Null(graphql.At("properties", "cacheConfiguration"));
        var assets = Assert.Single(routes, r => Patterns(r).Contains("/assets/*"));
        Assert.NotNull(assets.At("properties", "cacheConfiguration"));
    }
}
