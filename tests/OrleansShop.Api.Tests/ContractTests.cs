using OrleansShop.Api.Schema;
using OrleansShop.Api.Tests.Support;
using OrleansShop.GraphQL.Language;

namespace OrleansShop.Api.Tests;

public sealed class ContractTests(SharedShopServer fixture)
{
    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task Served_schema_has_every_contract_type_field_argument_and_enum_value()
    {
        var served = await Server.Http.GetStringAsync(new Uri("/graphql?sdl", UriKind.Relative), TestContext.Current.CancellationToken);
        var servedTypes = Definitions(served);
        var missing = new List<string>();
        var contractTypes = Definitions(ShopSchema.ContractSdl());
        foreach (var (name, contract) in contractTypes)
        {
            if (!servedTypes.TryGetValue(name, out var actual))
            {
                missing.Add(name);
                continue;
            }

            Assert.Equal(contract.Kind, actual.Kind);
            switch (contract)
            {
                case ObjectTypeDefinitionNode o:
                    CompareFields(name, o.Fields, ((ObjectTypeDefinitionNode)actual).Fields, missing);
                    missing.AddRange(o.Interfaces.Select(i => i.Name.Value)
                        .Except(((ObjectTypeDefinitionNode)actual).Interfaces.Select(i => i.Name.Value))
                        .Select(i => $"{name} implements {i}"));
                    break;
                case InterfaceTypeDefinitionNode i:
                    CompareFields(name, i.Fields, ((InterfaceTypeDefinitionNode)actual).Fields, missing);
                    break;
                case InputObjectTypeDefinitionNode input:
                    CompareInputValues(name, input.Fields, ((InputObjectTypeDefinitionNode)actual).Fields, missing);
                    break;
                case EnumTypeDefinitionNode e:
                    missing.AddRange(e.Values.Select(v => v.Name.Value)
                        .Except(((EnumTypeDefinitionNode)actual).Values.Select(v => v.Name.Value))
                        .Select(v => $"{name}.{v}"));
                    break;
            }
        }

        Assert.Empty(missing);

        // The comparison saw the whole contract, not an empty parse: spot-check coordinates from each kind of definition.
        Assert.True(contractTypes.Count == 81, $"Only {contractTypes.Count} contract types were read.");
        Assert.Contains(((ObjectTypeDefinitionNode)contractTypes["Mutation"]).Fields, f => f.Name.Value == "refundOrder");
        Assert.Contains(((InputObjectTypeDefinitionNode)contractTypes["CreateProductInput"]).Fields, f => f.Name.Value == "initialStock" && f.DefaultValue is not null);
        Assert.Contains(((EnumTypeDefinitionNode)contractTypes["ErrorCode"]).Values, v => v.Name.Value == "RATE_LIMITED");
        Assert.Contains(((EnumTypeDefinitionNode)servedTypes["ErrorCode"]).Values, v => v.Name.Value == "RATE_LIMITED");
    }

    private static Dictionary<string, TypeDefinitionNode> Definitions(string sdl) =>
        Parser.Parse(sdl).Definitions.OfType<TypeDefinitionNode>().ToDictionary(d => d.Name.Value, StringComparer.Ordinal);

    private static void CompareFields(string type, IReadOnlyList<FieldDefinitionNode> contract, IReadOnlyList<FieldDefinitionNode> served, List<string> missing)
    {
        foreach (var field in contract)
        {
            var actual = served.FirstOrDefault(f => f.Name.Value == field.Name.Value);
            if (actual is null || Printer.Print(actual.Type) != Printer.Print(field.Type))
            {
                missing.Add($"{type}.{field.Name.Value}: {Printer.Print(field.Type)}");
                continue;
            }

            CompareInputValues($"{type}.{field.Name.Value}", field.Arguments, actual.Arguments, missing);
        }
    }

    private static void CompareInputValues(string owner, IReadOnlyList<InputValueDefinitionNode> contract, IReadOnlyList<InputValueDefinitionNode> served, List<string> missing)
    {
        foreach (var value in contract)
        {
            var actual = served.FirstOrDefault(v => v.Name.Value == value.Name.Value);
            if (actual is null
                || Printer.Print(actual.Type) != Printer.Print(value.Type)
                || (value.DefaultValue is null ? null : Printer.Print(value.DefaultValue)) != (actual.DefaultValue is null ? null : Printer.Print(actual.DefaultValue)))
            {
                missing.Add($"{owner}({value.Name.Value}: {Printer.Print(value.Type)})");
            }
        }
    }
}
