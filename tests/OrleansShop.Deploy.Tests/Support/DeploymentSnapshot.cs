namespace OrleansShop.Deploy.Tests.Support;

/// <summary>
/// What <c>bicep snapshot</c> predicts a deployment of one environment's parameter file creates: its resources with
/// every expression the CLI can evaluate offline evaluated (parameters, variables, conditions), so an app's settings read
/// as the values it would get. Values known only to Azure (another resource's properties) stay expressions.
/// </summary>
public sealed class DeploymentSnapshot(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public IEnumerable<JsonObject> Resources => Root["predictedResources"]!.AsArray().OfType<JsonObject>();

    /// <summary>The container app whose one container has this name (api, silo).</summary>
    public JsonObject ContainerApp(string container) =>
        Assert.Single(Resources, r => r["type"]?.GetValue<string>() == "Microsoft.App/containerApps"
            && r["properties"]?["template"]?["containers"]?[0]?["name"]?.GetValue<string>() == container);

    /// <summary>That app's environment variables, name to value, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Settings(string container) =>
        ContainerApp(container)["properties"]!["template"]!["containers"]![0]!["env"]!.AsArray()
            .Select(e => KeyValuePair.Create(e!["name"]!.GetValue<string>(), e["value"]!.GetValue<string>()))
            .ToList();
}
