using System.Text.Json;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Types;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.Tests.Executor;

/// <summary>Argument coercion as graphql-js 17 does it: custom scalars read any literal, errors point at the value that failed.</summary>
public sealed class ArgumentCoercionTests
{
    private static readonly GraphQLSchema Schema = SchemaBuilder.FromSdl("""
            scalar JSON
            input Line { productId: ID! quantity: Int! = 1 }
            input Order { customerId: ID! lines: [Line!]! }
            type Query { echo(json: JSON): JSON order(input: Order!): JSON }
            type Mutation { increment(by: Int! = 1): Int! }
            """)
        .AddResolver("Query", "echo", ctx => ctx.Arguments.GetValueOrDefault("json"))
        .AddResolver("Query", "order", ctx => "ok")
        .AddResolver("Mutation", "increment", ctx => ctx.Argument<int>("by"))
        .Create();

    private static readonly RequestExecutor Executor = new(
        Schema,
        new ExecutorOptions { Validate = (schema, document) => DocumentValidator.Validate(schema, document, ValidationOptions.SpecificationOnly).Errors });

    private static async Task<string> Run(string query, string? variablesJson = null)
    {
        var variables = variablesJson is null
            ? null
            : JsonDocument.Parse(variablesJson).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        var result = await Executor.ExecuteAsync(query, variables, TestContext.Current.CancellationToken);
        return result.ToJson();
    }

    [Fact]
    public async Task Custom_scalar_from_sdl_takes_object_and_list_literals_through_validation_and_execution()
    {
        var json = await Run("""{ echo(json: { a: [1, 2.5, "x", null, ENUMISH], b: { c: true } }) }""");
        Assert.Equal("""{"data":{"echo":{"a":[1,2.5,"x",null,"ENUMISH"],"b":{"c":true}}}}""", json);
    }

    [Fact]
    public async Task Custom_scalar_literal_reads_the_variables_inside_it()
    {
        var json = await Run("""query ($v: JSON) { echo(json: { inner: $v, list: [$v] }) }""", """{"v":[1,2]}""");
        Assert.Equal("""{"data":{"echo":{"inner":[1,2],"list":[[1,2]]}}}""", json);
    }

    [Fact]
    public void Custom_scalar_from_sdl_parses_a_list_literal_given_with_its_syntax()
    {
        var scalar = (ScalarType)Schema.GetNamedType("JSON")!;
        var literal = ValueCoercion.ToScalarLiteral(OrleansShop.GraphQL.Language.Parser.ParseValue("[1, { a: B }]"));
        var value = Assert.IsType<List<object?>>(scalar.ParseLiteral(literal));
        Assert.Equal((object)1, value[0]);
        Assert.Equal("B", Assert.IsType<Dictionary<string, object?>>(value[1])["a"]);
    }

    [Fact]
    public async Task Null_variable_for_a_non_null_argument_with_a_default_is_a_field_error_at_the_variable()
    {
        var json = await Run("mutation ($by: Int) { a: increment b: increment(by: $by) }", """{"by":null}""");
        Assert.Equal(
            """{"errors":[{"message":"Argument \u0022Mutation.increment(by:)\u0022 has invalid value: Expected variable \u0022$by\u0022 provided to non-null type \u0022Int!\u0022 not to be null.","locations":[{"line":1,"column":53}],"path":["b"],"extensions":{"code":"INVALID_ARGUMENT"}}],"data":null}""",
            json);
    }

    [Fact]
    public async Task Null_variable_deep_in_an_input_object_names_its_path_and_points_at_it()
    {
        var json = await Run("""query ($q: Int) { order(input: { customerId: "u1", lines: [{ productId: "p1", quantity: $q }] }) }""", """{"q":null}""");
        Assert.Equal(
            """{"errors":[{"message":"Argument \u0022Query.order(input:)\u0022 has invalid value at .lines[0].quantity: Expected variable \u0022$q\u0022 provided to non-null type \u0022Int!\u0022 not to be null.","locations":[{"line":1,"column":89}],"path":["order"],"extensions":{"code":"INVALID_ARGUMENT"}}],"data":{"order":null}}""",
            json);
    }

    [Fact]
    public async Task Absent_variable_inside_an_input_object_takes_the_field_default()
    {
        var json = await Run("""query ($q: Int) { order(input: { customerId: "u1", lines: [{ productId: "p1", quantity: $q }] }) }""");
        Assert.Equal("""{"data":{"order":"ok"}}""", json);
    }

    [Fact]
    public async Task Bad_variable_deep_in_an_input_object_is_reported_with_graphql_js_17_wording_and_path()
    {
        var json = await Run("""query ($o: Order!) { order(input: $o) }""", """{"o":{"customerId":"u1","lines":[{"productId":"p1","quantity":"two"}]}}""");
        Assert.Equal(
            """{"errors":[{"message":"Variable \u0022$o\u0022 has invalid value at .lines[0].quantity: Int cannot represent non-integer value: \u0022two\u0022","locations":[{"line":1,"column":8}],"extensions":{"code":"INVALID_VARIABLE"}}]}""",
            json);
    }

    [Fact]
    public async Task Unknown_input_field_in_a_variable_is_refused_with_a_suggestion()
    {
        var json = await Run("""query ($o: Order!) { order(input: $o) }""", """{"o":{"customerId":"u1","lines":[],"line":[]}}""");
        Assert.Contains("""not to include unknown field \u0022line\u0022. Did you mean \u0022lines\u0022? Found: { customerId: \u0022u1\u0022, lines: [], line: [] }.""", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unvalidated_bad_literal_is_a_field_error_in_graphql_js_17_wording()
    {
        var unvalidated = new RequestExecutor(Schema);
        var json = (await unvalidated.ExecuteAsync("""{ order(input: { customerId: "u1", lines: [{ productId: "p1", quantity: 1 }], line: [] }) }""", cancellationToken: TestContext.Current.CancellationToken)).ToJson();
        Assert.Contains(
            """has invalid value: Expected value of type \u0022Order\u0022 not to include unknown field \u0022line\u0022. Did you mean \u0022lines\u0022? Found: { customerId: \u0022u1\u0022, lines: [{ productId: \u0022p1\u0022, quantity: 1 }], line: [] }.""",
            json,
            StringComparison.Ordinal);

        var missing = (await unvalidated.ExecuteAsync("""{ order(input: { lines: [] }) }""", cancellationToken: TestContext.Current.CancellationToken)).ToJson();
        Assert.Contains("""Expected value of type \u0022Order\u0022 to include required field \u0022customerId\u0022, found: { lines: [] }.""", missing, StringComparison.Ordinal);
    }
}
