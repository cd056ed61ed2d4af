using HotChocolate.Language;
using OrleansShop.Api.Schema;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>
/// The schema served at <c>/graphql?sdl</c> against the contract: every contract type, field, argument, input field and
/// enum value with the same type (nullability included), default value, description and deprecation, and nothing
/// renamed, dropped or added to a contract type. The server may add types of its own (HotChocolate's ApplyPolicy for
/// <c>@authorize</c>), never change the contract's.
/// </summary>
public sealed class ContractTests(SharedShopServer fixture)
{
    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task Served_schema_equals_the_contract_type_by_type()
    {
        var served = Definitions(await Server.Http.GetStringAsync(new Uri("/graphql?sdl", UriKind.Relative), TestContext.Current.CancellationToken));
        var contract = Definitions(ShopSchema.ContractSdl());
        var differences = new List<string>();

        foreach (var (name, expected) in contract)
        {
            if (!served.TryGetValue(name, out var actual))
            {
                differences.Add($"{name} is missing");
                continue;
            }

            if (expected.Kind != actual.Kind)
            {
                differences.Add($"{name} is a {actual.Kind}, not a {expected.Kind}");
                continue;
            }

            Compare(name, Description(expected), Description(actual), differences);
            switch (expected)
            {
                case ObjectTypeDefinitionNode o:
                    var servedObject = (ObjectTypeDefinitionNode)actual;
                    CompareFields(name, o.Fields, servedObject.Fields, differences);
                    Compare($"{name} implements", Names(o.Interfaces), Names(servedObject.Interfaces), differences);
                    break;
                case InterfaceTypeDefinitionNode i:
                    CompareFields(name, i.Fields, ((InterfaceTypeDefinitionNode)actual).Fields, differences);
                    break;
                case InputObjectTypeDefinitionNode input:
                    CompareInputValues(name, input.Fields, ((InputObjectTypeDefinitionNode)actual).Fields, differences);
                    break;
                case EnumTypeDefinitionNode e:
                    var servedValues = ((EnumTypeDefinitionNode)actual).Values;
                    Compare($"{name} values", string.Join(" ", e.Values.Select(v => v.Name.Value)), string.Join(" ", servedValues.Select(v => v.Name.Value)), differences);
                    foreach (var value in e.Values)
                    {
                        var servedValue = servedValues.FirstOrDefault(v => v.Name.Value == value.Name.Value);
                        Compare($"{name}.{value.Name.Value} deprecation", Deprecation(value.Directives), servedValue is null ? null : Deprecation(servedValue.Directives), differences);
                    }

                    break;
            }
        }

        Assert.Empty(differences);

        // The additions only add: each extends a contract type with fields it does not have, and each is served.
        foreach (var coordinate in AddedFields)
        {
            var (type, field) = (coordinate[..coordinate.IndexOf('.')], coordinate[(coordinate.IndexOf('.') + 1)..]);
            Assert.DoesNotContain(((ObjectTypeDefinitionNode)contract[type]).Fields, f => f.Name.Value == field);
            Assert.Contains(((ObjectTypeDefinitionNode)served[type]).Fields, f => f.Name.Value == field);
        }

        Assert.Contains("FacetValue.label", AddedFields);

        // The comparison saw the whole contract, not an empty parse: spot-check coordinates from each kind of definition.
        Assert.True(contract.Count == 81, $"Only {contract.Count} contract types were read.");
        Assert.Contains(((ObjectTypeDefinitionNode)contract["Mutation"]).Fields, f => f.Name.Value == "refundOrder");
        Assert.Contains(((InputObjectTypeDefinitionNode)contract["CreateProductInput"]).Fields, f => f.Name.Value == "initialStock" && f.DefaultValue is not null);
        Assert.Contains(((EnumTypeDefinitionNode)served["ErrorCode"]).Values, v => v.Name.Value == "RATE_LIMITED");
        Assert.Equal("Decimal", Assert.IsType<ScalarTypeDefinitionNode>(served["Decimal"]).Name.Value);
    }

    [Fact]
    public async Task Decimal_is_a_string_on_output_and_accepts_strings_and_numbers_on_input()
    {
        var admin = await Server.AdminTokenAsync();
        var id = await Server.CreateProductAsync(admin, price: "19.99");

        var product = await Server.DataAsync("query($id: ID) { product(id: $id) { price { amount currency } } }", new { id });
        var cheaper = await Server.DataAsync(
            "query($max: Decimal) { products(where: { maxPrice: $max }, first: 100) { nodes { id } } }", new { max = 20 });
        var literal = await Server.PostAsync("{ products(where: { minPrice: 19.99, maxPrice: \"19.99\" }, first: 100) { nodes { id } } }");

        Assert.Equal("19.99", product["product"]!["price"]!["amount"]!.GetValue<string>());
        Assert.Contains(cheaper["products"]!["nodes"]!.AsArray(), p => p!["id"]!.GetValue<string>() == id);
        Assert.True(literal["errors"] is null, literal.ToJsonString());
        Assert.Contains(literal["data"]!["products"]!["nodes"]!.AsArray(), p => p!["id"]!.GetValue<string>() == id);
    }

    private static Dictionary<string, ITypeDefinitionNode> Definitions(string sdl) =>
        Utf8GraphQLParser.Parse(sdl).Definitions.OfType<ITypeDefinitionNode>().ToDictionary(d => d.Name.Value, StringComparer.Ordinal);

    private static string Names(IEnumerable<NamedTypeNode> types) => string.Join(" ", types.Select(t => t.Name.Value).Order(StringComparer.Ordinal));

    private static string? Description(ISyntaxNode node) => node switch
    {
        ITypeDefinitionNode type => type.Description?.Value,
        FieldDefinitionNode field => field.Description?.Value,
        InputValueDefinitionNode value => value.Description?.Value,
        _ => null,
    };

    private static string? Deprecation(IReadOnlyList<DirectiveNode> directives) =>
        directives.FirstOrDefault(d => d.Name.Value == "deprecated") is { } deprecated
            ? deprecated.Arguments.FirstOrDefault(a => a.Name.Value == "reason")?.Value.ToString() ?? "deprecated"
            : null;

    private static void Compare(string what, string? expected, string? actual, List<string> differences)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            differences.Add($"{what}: contract \"{expected}\", served \"{actual}\"");
        }
    }

    /// <summary>The fields schema-additions.graphql adds to contract types ("FacetValue.label"): served after the contract's own.</summary>
    private static readonly HashSet<string> AddedFields = Utf8GraphQLParser.Parse(ShopSchema.AdditionsSdl()).Definitions
        .OfType<ObjectTypeExtensionNode>()
        .SelectMany(e => e.Fields.Select(f => $"{e.Name.Value}.{f.Name.Value}"))
        .ToHashSet(StringComparer.Ordinal);

    private static void CompareFields(string type, IReadOnlyList<FieldDefinitionNode> contract, IReadOnlyList<FieldDefinitionNode> served, List<string> differences)
    {
        var servedOwn = served.Where(f => !AddedFields.Contains($"{type}.{f.Name.Value}"));
        Compare($"{type} fields", string.Join(" ", contract.Select(f => f.Name.Value)), string.Join(" ", servedOwn.Select(f => f.Name.Value)), differences);
        foreach (var field in contract)
        {
            if (served.FirstOrDefault(f => f.Name.Value == field.Name.Value) is not { } actual)
            {
                continue;
            }

            var coordinate = $"{type}.{field.Name.Value}";
            Compare(coordinate, field.Type.ToString(), actual.Type.ToString(), differences);
            Compare($"{coordinate} description", Description(field), Description(actual), differences);
            Compare($"{coordinate} deprecation", Deprecation(field.Directives), Deprecation(actual.Directives), differences);
            CompareInputValues(coordinate, field.Arguments, actual.Arguments, differences);
        }
    }

    private static void CompareInputValues(string owner, IReadOnlyList<InputValueDefinitionNode> contract, IReadOnlyList<InputValueDefinitionNode> served, List<string> differences)
    {
        Compare($"{owner} arguments", string.Join(" ", contract.Select(v => v.Name.Value)), string.Join(" ", served.Select(v => v.Name.Value)), differences);
        foreach (var value in contract)
        {
            if (served.FirstOrDefault(v => v.Name.Value == value.Name.Value) is not { } actual)
            {
                continue;
            }

            var coordinate = $"{owner}({value.Name.Value})";
            Compare(coordinate, value.Type.ToString(), actual.Type.ToString(), differences);
            Compare($"{coordinate} default", value.DefaultValue?.ToString(), actual.DefaultValue?.ToString(), differences);
            Compare($"{coordinate} description", Description(value), Description(actual), differences);
            Compare($"{coordinate} deprecation", Deprecation(value.Directives), Deprecation(actual.Directives), differences);
        }
    }
}
