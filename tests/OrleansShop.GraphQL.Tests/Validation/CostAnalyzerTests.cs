using System.Text;
using System.Text.Json;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Tests.Language;
using OrleansShop.GraphQL.Types;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.Tests.Validation;

/// <summary>Cost analysis: weights, list multipliers, connections, variables and the budget.</summary>
public sealed class CostAnalyzerTests
{
    private static readonly Lazy<GraphQLSchema> LazyShop = new(() => SchemaBuilder.FromSdl(
        File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "OrleansShop.GraphQL.Tests", "Validation", "Corpus", "shop-cost.graphql"))).Create());

    private static GraphQLSchema Shop => LazyShop.Value;

    private static OperationCost Cost(string query, IReadOnlyDictionary<string, object?>? variables = null, CostOptions? options = null, GraphQLSchema? schema = null)
    {
        var document = Parser.Parse(query);
        Assert.True(DocumentValidator.Validate(schema ?? Shop, document).IsValid);
        return CostAnalyzer.Compute(schema ?? Shop, document, variables: variables, options: options);
    }

    [Fact]
    public void Composite_fields_weigh_one_and_scalars_nothing()
    {
        Assert.Equal(new OperationCost(FieldCost: 1, TypeCost: 1), Cost("{ product(id: 1) { id name price } }"));
    }

    [Fact]
    public void A_cost_directive_sets_a_field_weight()
    {
        Assert.Equal(new OperationCost(11, 1), Cost("{ product(id: 1) { stock } }"));
    }

    [Fact]
    public void Slicing_arguments_multiply_everything_below_a_list()
    {
        // products 1, reviews 1 x 5 products; objects: 5 products + 15 reviews.
        Assert.Equal(new OperationCost(6, 20), Cost("{ products(first: 5) { name reviews(first: 3) { text } } }"));
    }

    [Fact]
    public void The_largest_slicing_argument_counts()
    {
        Assert.Equal(new OperationCost(1, 7), Cost("{ products(first: 2, last: 7) { id } }"));
    }

    [Fact]
    public void A_list_without_slicing_argument_has_the_default_or_assumed_size()
    {
        Assert.Equal(new OperationCost(1, 10), Cost("{ products { id } }"));
        Assert.Equal(new OperationCost(1, 50), Cost("{ search(term: \"tea\") { id } }"));
        Assert.Equal(new OperationCost(1, 3), Cost("{ products { id } }", options: new CostOptions { DefaultListSize = 3 }));
    }

    [Fact]
    public void Variables_are_applied_to_slicing_arguments()
    {
        const string Query = "query Q($n: Int) { products(first: $n) { stock } }";
        Assert.Equal(new OperationCost(1 + (50 * 10), 50), Cost(Query, new Dictionary<string, object?> { ["n"] = 50 }));
        Assert.Equal(new OperationCost(1 + (4 * 10), 4), Cost(Query, new Dictionary<string, object?> { ["n"] = JsonDocument.Parse("4").RootElement }));
        Assert.Equal(new OperationCost(1 + (10 * 10), 10), Cost(Query));
        Assert.Equal(new OperationCost(1 + (2 * 10), 2), Cost("query Q($n: Int = 2) { products(first: $n) { stock } }"));
    }

    [Fact]
    public void A_connection_multiplies_its_edges_and_nodes_by_the_slice_including_a_default_first()
    {
        // catalog 1; edges 1 x 20; node 1 x 20; stock 10 x 20; pageInfo 1. Objects: connection, 20 edges, 20 nodes, page info.
        Assert.Equal(new OperationCost(242, 42), Cost("{ catalog { edges { node { stock } } totalCount pageInfo { hasNextPage } } }"));
        Assert.Equal(new OperationCost(1 + 5, 1 + 5), Cost("{ catalog(first: 5) { nodes { id } } }"));
    }

    [Fact]
    public void List_size_directives_set_slicing_arguments_and_sized_fields()
    {
        // recommendations weighs 25 and is sliced by limit.
        Assert.Equal(new OperationCost(25, 4), Cost("{ recommendations(limit: 4) { id } }"));

        // bestSellers sizes its items with an assumed 5.
        Assert.Equal(new OperationCost(1 + 5, 1 + 5), Cost("{ bestSellers { title items { id } } }"));
    }

    [Fact]
    public void Declared_slicing_arguments_require_exactly_one_value()
    {
        Assert.True(CostAnalyzer.Analyze(Shop, Parser.Parse("{ recommendations(limit: 3) { id } }")).IsAllowed);

        var missing = CostAnalyzer.Analyze(Shop, Parser.Parse("{ recommendations { id } }"));
        Assert.Equal("SLICING_ARGUMENT_REQUIRED", missing.Error!.Code);
        Assert.Equal("Exactly one slicing argument of \"Query.recommendations\" must be given: \"limit\".", missing.Error.Message);
        Assert.Equal(new OrleansShop.GraphQL.Execution.ErrorLocation(1, 3), Assert.Single(missing.Error.Locations));

        var document = Parser.Parse("query Q($n: Int) { recommendations(limit: $n) { id } }");
        Assert.False(CostAnalyzer.Analyze(Shop, document, variables: new Dictionary<string, object?> { ["n"] = null }).IsAllowed);
        Assert.True(CostAnalyzer.Analyze(Shop, document, variables: new Dictionary<string, object?> { ["n"] = 2 }).IsAllowed);

        // Fields sliced by the default first/last convention may leave both out.
        Assert.True(CostAnalyzer.Analyze(Shop, Parser.Parse("{ products { id } }")).IsAllowed);
    }

    [Fact]
    public void Skipped_selections_cost_nothing_once_variables_are_known()
    {
        const string Query = "query Q($skip: Boolean!) { products(first: 5) { reviews(first: 3) @skip(if: $skip) { text } } }";
        Assert.Equal(new OperationCost(1, 5), Cost(Query, new Dictionary<string, object?> { ["skip"] = true }));
        Assert.Equal(new OperationCost(6, 20), Cost(Query, new Dictionary<string, object?> { ["skip"] = false }));
        Assert.Equal(new OperationCost(1, 5), Cost("{ products(first: 5) { reviews(first: 3) @include(if: false) { text } } }"));
    }

    [Fact]
    public void Fragments_are_costed_where_they_are_spread()
    {
        const string Query = """
            { a: products(first: 2) { ...P } b: products(first: 3) { ...P } }
            fragment P on Product { reviews(first: 10) { text } }
            """;
        Assert.Equal(new OperationCost(1 + 1 + 2 + 3, 2 + 3 + 20 + 30), Cost(Query));
    }

    [Fact]
    public void Fragments_spread_many_times_are_costed_once()
    {
        var builder = new StringBuilder("{ product(id: 1) { ...F0 } }\n");
        for (int i = 0; i < 40; i++)
        {
            builder.Append($"fragment F{i} on Product {{ ...F{i + 1} ...F{i + 1} r{i}: reviews(first: 2) {{ id }} }}\n");
        }

        builder.Append("fragment F40 on Product { id }");
        var cost = CostAnalyzer.Compute(Shop, Parser.Parse(builder.ToString()));
        // Fragment i is reached 2^i times: the cost is exact without expanding 2^40 spreads.
        Assert.Equal(Math.Pow(2, 40), cost.FieldCost);
    }

    [Fact]
    public void Field_weights_configured_by_coordinate_win()
    {
        var options = new CostOptions { FieldWeights = new Dictionary<string, double> { ["Product.name"] = 3, ["Product.stock"] = 1 } };
        Assert.Equal(new OperationCost(1 + 3 + 1, 1), Cost("{ product(id: 1) { name stock } }", options: options));
    }

    [Fact]
    public void Fields_with_their_own_resolver_weigh_ten()
    {
        var schema = SchemaBuilder.FromSdl("type Query { price(sku: String!): Float inventory: Inventory } type Inventory { count: Int }")
            .AddResolver("Query", "price", _ => 1.5)
            .AddResolver("Query", "inventory", _ => new object())
            .Create();
        Assert.Equal(new OperationCost(20, 1), Cost("{ price(sku: \"a\") inventory { count } }", schema: schema));
    }

    [Fact]
    public void Introspection_costs_nothing()
    {
        Assert.Equal(default, Cost("{ __typename __schema { types { name fields { name } } } }"));
    }

    [Fact]
    public void An_operation_over_budget_is_refused_with_its_cost_and_a_code()
    {
        var result = CostAnalyzer.Analyze(Shop, Parser.Parse("{ products(first: 100) { reviews(first: 100) { author { name } } } }"));
        Assert.False(result.IsAllowed);
        Assert.Equal(new OperationCost(1 + 100 + 10_000, 100 + 10_000 + 10_000), result.Cost);
        var error = result.Error!;
        Assert.Equal("MAX_COST_EXCEEDED", error.Code);
        Assert.Equal("The operation's field cost of 10101 exceeds the maximum allowed field cost of 1000.", error.Message);
        Assert.Equal(10_101d, error.Extensions!["fieldCost"]);
        Assert.Equal(20_100d, error.Extensions["typeCost"]);
    }

    [Fact]
    public void The_type_cost_has_its_own_budget()
    {
        var result = CostAnalyzer.Analyze(Shop, Parser.Parse("{ products(first: 600) { reviews(first: 1) { id } } }"));
        Assert.Equal(new OperationCost(601, 1200), result.Cost);
        Assert.Equal("The operation's type cost of 1200 exceeds the maximum allowed type cost of 1000.", result.Error!.Message);
        Assert.True(CostAnalyzer.Analyze(Shop, Parser.Parse("{ products(first: 600) { reviews(first: 1) { id } } }"), options: new CostOptions { MaxTypeCost = null }).IsAllowed);
    }

    [Fact]
    public void The_named_operation_is_the_one_costed()
    {
        var document = Parser.Parse("query Cheap { product(id: 1) { id } } query Dear { products(first: 50) { id } }");
        Assert.Equal(new OperationCost(1, 1), CostAnalyzer.Compute(Shop, document, "Cheap"));
        Assert.Equal(new OperationCost(1, 50), CostAnalyzer.Compute(Shop, document, "Dear"));
        Assert.Equal(default, CostAnalyzer.Compute(Shop, document));
    }
}
