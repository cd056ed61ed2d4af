using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Types;
using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Tests.Executor;

/// <summary>HotChocolate's mutation convention: one <c>input</c> argument, an <c>XPayload</c> with the result and the application's errors.</summary>
public sealed class MutationConventionTests
{
    private static readonly GraphQLSchema Schema = CreateSchema();

    public enum ErrorCode
    {
        OutOfStock,
        InvalidInput,
    }

    [Fact]
    public void Field_returns_a_payload_with_its_result_and_the_application_error_type()
    {
        var sdl = SchemaPrinter.Print(Schema);
        Assert.True(sdl.Contains("placeOrder(input: PlaceOrderInput!): PlaceOrderPayload!", StringComparison.Ordinal), sdl);
        Assert.True(sdl.Contains("type PlaceOrderPayload {\n  order: Order\n\n  \"\"\"Why the mutation failed; empty when it succeeded.\"\"\"\n  errors: [UserError!]!\n}", StringComparison.Ordinal), sdl);
        Assert.True(sdl.Contains("type UserError implements Error {\n  message: String!\n  code: ErrorCode!\n  field: [String!]\n}", StringComparison.Ordinal), sdl);
        Assert.True(sdl.Contains("interface Error {", StringComparison.Ordinal), sdl);
        Assert.True(sdl.Contains("renameProduct(input: RenameProductInput!): RenameProductPayload!", StringComparison.Ordinal), sdl);
        Assert.True(sdl.Contains("type RenameProductPayload {\n  renamed: String\n", StringComparison.Ordinal), sdl);
    }

    [Fact]
    public async Task Success_gives_the_result_and_no_errors()
    {
        var json = await Run("""mutation { placeOrder(input: { sku: "KET-1", quantity: 2 }) { order { sku quantity } errors { code } } }""");
        Assert.Equal("""{"data":{"placeOrder":{"order":{"sku":"KET-1","quantity":2},"errors":[]}}}""", json);
    }

    [Fact]
    public async Task Failure_returned_by_the_resolver_is_data_not_a_graphql_error()
    {
        var json = await Run("""mutation { placeOrder(input: { sku: "KET-1", quantity: 0 }) { order { sku } errors { __typename message code field ... on Error { message } } } }""");
        Assert.Equal(
            """{"data":{"placeOrder":{"order":null,"errors":[{"__typename":"UserError","message":"Order at least one.","code":"INVALID_INPUT","field":["input","quantity"]}]}}}""",
            json);
    }

    [Fact]
    public async Task Exception_the_application_maps_becomes_an_error_in_the_payload()
    {
        var json = await Run("""mutation { placeOrder(input: { sku: "GONE", quantity: 1 }) { order { sku } errors { message code field } } }""");
        Assert.Equal("""{"data":{"placeOrder":{"order":null,"errors":[{"message":"GONE is out of stock.","code":"OUT_OF_STOCK","field":null}]}}}""", json);
    }

    [Fact]
    public async Task Exception_the_application_does_not_map_stays_a_field_error()
    {
        var json = await Run("""mutation { placeOrder(input: { sku: "BOOM", quantity: 1 }) { order { sku } } }""");
        Assert.Equal("""{"errors":[{"message":"Unexpected Execution Error","locations":[{"line":1,"column":12}],"path":["placeOrder"],"extensions":{"code":"UNEXPECTED_EXECUTION_ERROR"}}],"data":null}""", json);
    }

    [Fact]
    public void Field_with_other_arguments_than_one_input_object_is_refused_when_the_schema_is_built()
    {
        var error = Assert.Throws<SchemaException>(() => SchemaBuilder.New()
            .AddQueryType(q => q.Field("ok").Type("Boolean"))
            .AddMutationType(m => m.Field("cancel").Argument("id", "ID!").Type("Boolean").UseMutationConvention())
            .AddObjectType("UserError", o => o.Implements("Error").Field("message").Type("String!"))
            .Create());
        Assert.Contains("The mutation convention of \"Mutation.cancel\" needs exactly one argument, named \"input\", of an input object type.", error.Message, StringComparison.Ordinal);

        var scalarInput = Assert.Throws<SchemaException>(() => SchemaBuilder.New()
            .AddQueryType(q => q.Field("ok").Type("Boolean"))
            .AddMutationType(m => m.Field("cancel").Argument("input", "ID!").Type("Boolean").UseMutationConvention())
            .AddObjectType("UserError", o => o.Implements("Error").Field("message").Type("String!"))
            .Create());
        Assert.Contains("needs its \"input\" argument to be an input object type, not \"ID!\"", scalarInput.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_type_is_the_application_s_and_must_exist()
    {
        var error = Assert.Throws<SchemaException>(() => SchemaBuilder.New()
            .AddQueryType(q => q.Field("ok").Type("Boolean"))
            .AddMutationConventions(o => o.ErrorType = "ShopError")
            .AddMutationType(m => m.Field("cancel").Argument("input", "CancelInput!").Type("Boolean").UseMutationConvention())
            .AddInputObjectType("CancelInput", i => i.Field("id", "ID!"))
            .Create());
        Assert.Contains("ShopError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_first_payload_declared_in_sdl_is_bound_to_what_the_resolver_returns()
    {
        var schema = SchemaBuilder.FromSdl("""
                type Query { ok: Boolean }
                interface Error { message: String! }
                type UserError implements Error { message: String! code: String! }
                input AddCartItemInput { sku: String! }
                type Cart { id: ID! }
                type AddCartItemPayload { cart: Cart errors: [UserError!]! }
                type Mutation { addCartItem(input: AddCartItemInput!): AddCartItemPayload! }
                """)
            .AddMutationConventions(o => o.MapException = e => e is KeyNotFoundException ? new Dictionary<string, object?> { ["message"] = "No such product.", ["code"] = "NOT_FOUND" } : null)
            .AddResolver("Mutation", "addCartItem", ctx =>
                ctx.Argument<IReadOnlyDictionary<string, object?>>("input")["sku"] is "KET-1" ? new Dictionary<string, object?> { ["id"] = "cart-1" } : throw new KeyNotFoundException())
            .ConfigureField("Mutation", "addCartItem", f => f.UseMutationConvention())
            .Create();

        Assert.Equal(
            """{"data":{"addCartItem":{"cart":{"id":"cart-1"},"errors":[]}}}""",
            await ShopSchema.RunAsync(schema, """mutation { addCartItem(input: { sku: "KET-1" }) { cart { id } errors { code } } }"""));
        Assert.Equal(
            """{"data":{"addCartItem":{"cart":null,"errors":[{"message":"No such product.","code":"NOT_FOUND"}]}}}""",
            await ShopSchema.RunAsync(schema, """mutation { addCartItem(input: { sku: "NONE" }) { cart { id } errors { message code } } }"""));
    }

    private static Task<string> Run(string query) => ShopSchema.RunAsync(Schema, query);

    private static GraphQLSchema CreateSchema() => SchemaBuilder.New()
        .AddQueryType(q => q.Field("ok").Type("Boolean").Resolve(_ => true))
        .AddMutationConventions(o => o.MapException = e => e is OutOfStockException outOfStock
            ? new UserError($"{outOfStock.Sku} is out of stock.", ErrorCode.OutOfStock, null)
            : null)
        .AddEnumType<ErrorCode>()
        .AddObjectType<UserError>(o => o.Name("UserError").Implements("Error"))
        .AddObjectType<Order>()
        .AddInputObjectType("PlaceOrderInput", i =>
        {
            i.Field("sku", "String!");
            i.Field("quantity", "Int!");
        })
        .AddInputObjectType("RenameProductInput", i => i.Field("name", "String!"))
        .AddMutationType(m =>
        {
            m.Field("placeOrder").Argument("input", "PlaceOrderInput!").Type("Order!").UseMutationConvention().Resolve(ctx =>
            {
                var input = ctx.Argument<IReadOnlyDictionary<string, object?>>("input");
                var sku = (string)input["sku"]!;
                var quantity = (int)input["quantity"]!;
                return sku switch
                {
                    "GONE" => throw new OutOfStockException(sku),
                    "BOOM" => throw new InvalidOperationException("not for clients"),
                    _ when quantity < 1 => MutationPayload.Failure(new UserError("Order at least one.", ErrorCode.InvalidInput, ["input", "quantity"])),
                    _ => new Order(sku, quantity),
                };
            });
            m.Field("renameProduct").Argument("input", "RenameProductInput!").Type("String").UseMutationConvention("renamed").Resolve(_ => "x");
        })
        .Create();

    public sealed record UserError(string Message, ErrorCode Code, IReadOnlyList<string>? Field);

    public sealed record Order(string Sku, int Quantity);

    private sealed class OutOfStockException(string sku) : Exception("out of stock")
    {
        public string Sku { get; } = sku;
    }
}
