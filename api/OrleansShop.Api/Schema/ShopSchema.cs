using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.Api.Schema;

/// <summary>
/// The served schema: the public contract (schema-contract.graphql, embedded) as written, with resolvers over the grains.
/// Serving the contract's own SDL is what guarantees every type, field, argument and enum value is there.
/// </summary>
public static class ShopSchema
{
    public const string ContractResourceName = "schema-contract.graphql";

    /// <summary>The contract's SDL text.</summary>
    public static string ContractSdl()
    {
        using var stream = typeof(ShopSchema).Assembly.GetManifestResourceStream(ContractResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ContractResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static GraphQLSchema Create()
    {
        var schema = SchemaBuilder.New().AddDocument(WithEngineScalars(Parser.Parse(ContractSdl())));
        NodeResolvers.Register(schema);
        AccountResolvers.Register(schema);
        CatalogResolvers.Register(schema);
        CartResolvers.Register(schema);
        ReviewResolvers.Register(schema);
        SubscriptionResolvers.Register(schema);
        OrderResolvers.Register(schema);
        CheckoutResolvers.Register(schema);
        PaymentResolvers.Register(schema);
        AdminOrderResolvers.Register(schema);
        AdminListResolvers.Register(schema);
        return schema.Create();
    }

    // The contract declares DateTime and Decimal as plain scalars; dropping those declarations lets the engine use its own
    // DateTime (RFC 3339 with an offset) and Decimal (exact, serialized as a string) under the same names.
    private static DocumentNode WithEngineScalars(DocumentNode contract) => new()
    {
        Definitions = [.. contract.Definitions.Where(d => d is not ScalarTypeDefinitionNode { Name.Value: "DateTime" or "Decimal" })],
    };
}
