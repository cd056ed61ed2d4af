using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.Tests.Validation;

/// <summary>How the executor is meant to use validation and cost: validate once per document, cost once per request.</summary>
public sealed class RequestPipelineTests
{
    private static readonly Lazy<GraphQLSchema> Schema = new(() => SchemaBuilder.FromSdl(
        """
        type Query { products(first: Int): [Product!]! }
        type Product { id: ID! reviews(first: Int): [Review!]! }
        type Review { text: String }
        """).Create());

    [Fact]
    public void A_cached_valid_document_is_charged_per_request_with_its_variables()
    {
        var validator = new DocumentValidator(Schema.Value);
        var document = Parser.Parse("query Q($n: Int!) { products(first: $n) { id reviews(first: 10) { text } } }");
        var costOptions = new CostOptions { MaxFieldCost = 500 };

        Assert.True(validator.Validate(document).IsValid);
        var cheap = CostAnalyzer.Analyze(Schema.Value, document, "Q", new Dictionary<string, object?> { ["n"] = 5 }, costOptions);
        Assert.True(cheap.IsAllowed);
        Assert.Equal(new OperationCost(1 + 5, 5 + 50), cheap.Cost);

        Assert.True(validator.Validate(document).IsValid);
        var dear = CostAnalyzer.Analyze(Schema.Value, document, "Q", new Dictionary<string, object?> { ["n"] = 1_000 }, costOptions);
        Assert.False(dear.IsAllowed);
        Assert.Equal("MAX_COST_EXCEEDED", dear.Error!.Code);
        Assert.Equal(1_001d, dear.Error.Extensions!["fieldCost"]);
    }
}
