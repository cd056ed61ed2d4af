using System.Text.Json.Nodes;

namespace OrleansShop.Api.Tests.Support;

/// <summary>What tests read from a product connection: the names in order and a facet's counts.</summary>
public static class Connections
{
    public static List<string> Names(this JsonNode connection) => [.. connection["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>())];

    /// <summary>The counts of one facet (brand, category, price) of <c>products</c>, by value.</summary>
    public static Dictionary<string, int> Facet(this JsonNode connection, string field) =>
        connection["facets"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == field)!["values"]!.AsArray()
            .ToDictionary(v => v!["value"]!.GetValue<string>(), v => v!["count"]!.GetValue<int>());
}
