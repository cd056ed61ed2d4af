using System.Text.RegularExpressions;

namespace OrleansShop.Deploy.Tests.Support;

/// <summary>
/// A compiled ARM template read as JSON: its resources, those of every nested deployment (Bicep modules) included.
/// Templates come in both shapes Bicep writes: a resources array, or (language version 2.0) an object of symbolic names.
/// </summary>
public sealed partial class ArmTemplate
{
    private ArmTemplate(JsonObject root, string path)
    {
        Root = root;
        Path = path;
        Resources = Own(root).Select(r => new ArmResource(r, this)).ToList();
        Nested = Resources
            .Where(r => r.Type == "Microsoft.Resources/deployments" && r.Json["properties"]?["template"] is JsonObject)
            .Select(r => new ArmTemplate(r.Json["properties"]!["template"]!.AsObject(), path + "/" + r.Json["name"]))
            .ToList();
    }

    public JsonObject Root { get; }

    /// <summary>Where the template sits: main, then the deployment names of the modules down to it.</summary>
    public string Path { get; }

    /// <summary>This template's own resources (existing references left out), deployments of modules included.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    public IReadOnlyList<ArmTemplate> Nested { get; }

    public static ArmTemplate Parse(string json) => new(JsonNode.Parse(json)!.AsObject(), "main");

    /// <summary>Every resource of this template and of all templates nested in it.</summary>
    public IEnumerable<ArmResource> AllResources => Resources.Concat(Nested.SelectMany(n => n.AllResources));

    public IEnumerable<ArmResource> OfType(string type) =>
        AllResources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// For every private endpoint, the type of the resource it connects to, and the resources of that type beside the
    /// module that declares it (the endpoint's target, as the template passes it: <c>resourceId('TYPE', ...)</c>).
    /// </summary>
    public IEnumerable<(string TargetType, ArmResource Target)> PrivateEndpointTargets()
    {
        foreach (var template in Templates())
        {
            foreach (var module in template.Resources.Where(r => r.Type == "Microsoft.Resources/deployments"))
            {
                var nested = template.Nested.Single(n => n.Path == template.Path + "/" + module.Json["name"]);
                if (!nested.Resources.Any(r => r.Type == "Microsoft.Network/privateEndpoints"))
                {
                    continue;
                }

                var target = module.Json["properties"]?["parameters"]?["targetResourceId"]?["value"]?.GetValue<string>() ?? string.Empty;
                var match = ResourceIdType().Match(target);
                Assert.True(match.Success, $"{nested.Path}: the private endpoint's target is not a resourceId(...) of this template: {target}");
                var type = match.Groups[1].Value;
                foreach (var resource in template.Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return (type, resource);
                }
            }
        }
    }

    private IEnumerable<ArmTemplate> Templates() => Nested.SelectMany(n => n.Templates()).Prepend(this);

    private static IEnumerable<JsonObject> Own(JsonObject template)
    {
        var resources = template["resources"];
        IEnumerable<JsonNode?> all = resources switch
        {
            JsonArray array => array,
            JsonObject symbolic => symbolic.Select(p => p.Value),
            _ => [],
        };
        return all.OfType<JsonObject>().Where(r => r["existing"]?.GetValue<bool>() != true);
    }

    [GeneratedRegex(@"^\[resourceId\('([^']+)'")]
    private static partial Regex ResourceIdType();
}

public sealed class ArmResource(JsonObject json, ArmTemplate template)
{
    public JsonObject Json { get; } = json;

    public ArmTemplate Template { get; } = template;

    public string Type => Json["type"]!.GetValue<string>();

    public JsonNode? Properties => Json["properties"];

    /// <summary>The value at a path of property names below the resource (e.g. "properties", "minimalTlsVersion"), or null.</summary>
    public JsonNode? At(params string[] path)
    {
        JsonNode? node = Json;
        foreach (var name in path)
        {
            node = node?[name];
        }

        return node;
    }

    public string? StringAt(params string[] path) => At(path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public bool? BoolAt(params string[] path) => At(path) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public override string ToString() => $"{Type} in {Template.Path}";
}
