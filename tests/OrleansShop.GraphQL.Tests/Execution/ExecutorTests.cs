using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.Tests.Executor;

public sealed class ExecutorTests
{
    private static readonly OrleansShop.GraphQL.Types.GraphQLSchema Schema = ShopSchema.Create();

    private static Task<string> Run(string query, IReadOnlyDictionary<string, object?>? variables = null) => ShopSchema.RunAsync(Schema, query, variables);

    [Fact]
    public async Task Aliases_name_the_response_keys()
    {
        Assert.Equal("""{"data":{"a":{"t":"Kettle"},"b":{"t":"Mug"}}}""", await Run("""{ a: product(id: "p1") { t: title } b: product(id: "p2") { t: title } }"""));
    }

    [Fact]
    public async Task Fragments_and_inline_fragments_merge_fields_in_order()
    {
        var json = await Run("""
            query { product(id: "p1") { ...Basics ... on Product { price } id } }
            fragment Basics on Node { id ... on Product { title } }
            """);
        Assert.Equal("""{"data":{"product":{"id":"p1","title":"Kettle","price":"19.99"}}}""", json);
    }

    [Fact]
    public async Task Skip_and_include_follow_variables()
    {
        const string query = """query($withPrice: Boolean!, $skipTitle: Boolean = false) { product(id: "p3") { title @skip(if: $skipTitle) price @include(if: $withPrice) } }""";
        Assert.Equal("""{"data":{"product":{"title":"Teapot","price":"35"}}}""", await Run(query, new Dictionary<string, object?> { ["withPrice"] = true }));
        Assert.Equal("""{"data":{"product":{}}}""", await Run(query, new Dictionary<string, object?> { ["withPrice"] = false, ["skipTitle"] = true }));
    }

    [Fact]
    public async Task Variables_and_argument_defaults_are_applied()
    {
        Assert.Equal("""{"data":{"a":"hello world","b":"hello shop"}}""", await Run("""query($n: String = "shop") { a: hello b: hello(name: $n) }"""));
    }

    [Fact]
    public async Task Invalid_variable_is_a_request_error_without_data()
    {
        var json = await Run("query($id: ID!) { product(id: $id) { title } }", new Dictionary<string, object?> { ["id"] = true });
        Assert.Equal("""{"errors":[{"message":"Variable \u0022$id\u0022 has invalid value: ID cannot represent value: true","locations":[{"line":1,"column":7}],"extensions":{"code":"INVALID_VARIABLE"}}]}""", json);
    }

    [Fact]
    public async Task Missing_required_variable_is_reported()
    {
        var json = await Run("query($id: ID!) { product(id: $id) { title } }");
        Assert.Contains("Variable \\u0022$id\\u0022 has invalid value: Expected a value of non-null type \\u0022ID!\\u0022 to be provided.", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_error_has_message_locations_path_and_code_and_nulls_the_field()
    {
        var json = await Run("{ hello\n  failing }");
        Assert.Equal("""{"errors":[{"message":"boom","locations":[{"line":2,"column":3}],"path":["failing"],"extensions":{"code":"BOOM"}}],"data":{"hello":"hello world","failing":null}}""", json);
    }

    [Fact]
    public async Task Unexpected_exceptions_hide_their_message()
    {
        var json = await Run("{ failingNonNull }");
        Assert.Equal("""{"errors":[{"message":"Unexpected Execution Error","locations":[{"line":1,"column":3}],"path":["failingNonNull"],"extensions":{"code":"UNEXPECTED_EXECUTION_ERROR"}}],"data":null}""", json);
    }

    [Fact]
    public async Task Null_in_non_null_field_propagates_to_the_nearest_nullable_parent()
    {
        var schema = SchemaBuilder.New()
            .AddQueryType(q => q.Field("order").Type("Order").Resolve(_ => new Dictionary<string, object?> { ["lines"] = new object?[] { new Dictionary<string, object?> { ["sku"] = "a" }, new Dictionary<string, object?> { ["sku"] = null } } }))
            .AddObjectType("Order", o => o.Field("lines").Type("[Line!]!"))
            .AddObjectType("Line", l => l.Field("sku").Type("String!"))
            .Create();

        var json = await ShopSchema.RunAsync(schema, "{ order { lines { sku } } }");

        Assert.Equal("""{"errors":[{"message":"Cannot return null for non-nullable field Line.sku.","locations":[{"line":1,"column":19}],"path":["order","lines",1,"sku"],"extensions":{"code":"NON_NULL_VIOLATION"}}],"data":{"order":null}}""", json);
    }

    [Fact]
    public async Task Lists_coerce_items_and_abstract_types_resolve_by_runtime_type()
    {
        var json = await Run("""{ search(term: "k") { __typename ... on Product { id } ... on Category { name } } }""");
        Assert.Equal("""{"data":{"search":[{"__typename":"Product","id":"p1"},{"__typename":"Category","name":"kitchen"}]}}""", json);
    }

    [Fact]
    public async Task Input_objects_bind_to_records_and_oneOf_requires_exactly_one_field()
    {
        var schema = SchemaBuilder.New()
            .AddQueryType(q =>
            {
                q.Field("total").Type("Decimal!").Argument("order", "OrderInput!").Resolve(ctx =>
                {
                    var order = ctx.Argument<OrderInput>("order");
                    return order.Lines.Sum(l => l.Quantity * l.UnitPrice);
                });
                q.Field("find").Type("String!").Argument("by", "FindBy!").Resolve(ctx => string.Join(",", ctx.Argument<IReadOnlyDictionary<string, object?>>("by").Keys));
            })
            .AddInputObjectType<OrderInput>()
            .AddInputObjectType<LineInput>()
            .AddInputObjectType("FindBy", i =>
            {
                i.OneOf();
                i.Field("id", "ID");
                i.Field("name", "String");
            })
            .Create();

        var total = await ShopSchema.RunAsync(schema, """query($o: OrderInput!) { total(order: $o) }""", new Dictionary<string, object?>
        {
            ["o"] = System.Text.Json.JsonDocument.Parse("""{"lines":[{"quantity":2,"unitPrice":"1.25"},{"quantity":1,"unitPrice":3}]}""").RootElement,
        });
        Assert.Equal("""{"data":{"total":"5.50"}}""", total);
        Assert.Equal("""{"data":{"find":"name"}}""", await ShopSchema.RunAsync(schema, """{ find(by: { name: "x" }) }"""));
        var two = await ShopSchema.RunAsync(schema, """query($by: FindBy!) { find(by: $by) }""", new Dictionary<string, object?> { ["by"] = new Dictionary<string, object?> { ["id"] = "1", ["name"] = "x" } });
        Assert.Contains("Within OneOf Input Object type \\u0022FindBy\\u0022, exactly one field must be specified", two, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutations_run_serially_in_document_order()
    {
        var log = new List<string>();
        var schema = SchemaBuilder.New()
            .AddQueryType(q => q.Field("ok").Type("Boolean").Resolve(_ => true))
            .AddMutationType(m => m.Field("step").Type("Int!").Argument("n", "Int!").Argument("delay", "Int!").Resolve(async ctx =>
            {
                log.Add("start " + ctx.Argument<int>("n"));
                await Task.Delay(ctx.Argument<int>("delay"), ctx.RequestAborted);
                log.Add("end " + ctx.Argument<int>("n"));
                return ctx.Argument<int>("n");
            }))
            .Create();

        var json = await ShopSchema.RunAsync(schema, "mutation { a: step(n: 1, delay: 30) b: step(n: 2, delay: 1) }");

        Assert.Equal("""{"data":{"a":1,"b":2}}""", json);
        Assert.Equal(["start 1", "end 1", "start 2", "end 2"], log);
    }

    [Fact]
    public async Task Query_fields_with_async_resolvers_run_concurrently()
    {
        var started = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var schema = SchemaBuilder.New()
            .AddQueryType(q => q.Field("wait").Type("Int!").Resolve(async _ =>
            {
                if (Interlocked.Increment(ref started) == 2)
                {
                    gate.SetResult();
                }

                await gate.Task.WaitAsync(TimeSpan.FromSeconds(5));
                return 1;
            }))
            .Create();

        Assert.Equal("""{"data":{"a":1,"b":1}}""", await ShopSchema.RunAsync(schema, "{ a: wait b: wait }"));
    }

    [Fact]
    public async Task Operation_name_selects_the_operation()
    {
        const string document = "query A { hello } query B { slow }";
        var executor = new RequestExecutor(Schema);
        var result = await executor.ExecuteAsync(new ExecutionRequest { Query = document, OperationName = "B" }, TestContext.Current.CancellationToken);
        Assert.Equal("""{"data":{"slow":42}}""", result.ToJson());
        var ambiguous = await executor.ExecuteAsync(document, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("Must provide operation name if query contains multiple operations.", Assert.Single(ambiguous.Errors).Message);
        Assert.False(ambiguous.HasData);
    }

    [Fact]
    public async Task Prepared_document_is_reused_across_requests_with_different_variables()
    {
        var executor = new RequestExecutor(Schema);
        var document = executor.Prepare("query($id: ID!) { product(id: $id) { title } }");

        foreach (var (id, title) in new[] { ("p1", "Kettle"), ("p2", "Mug") })
        {
            var result = await executor.ExecuteAsync(new ExecutionRequest { Document = document, Variables = new Dictionary<string, object?> { ["id"] = id } }, TestContext.Current.CancellationToken);
            Assert.Equal(title, ((ResultMap)result.Data!["product"]!)["title"]);
        }
    }

    [Fact]
    public async Task Cancellation_fails_pending_fields()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var result = await new RequestExecutor(Schema).ExecuteAsync(new ExecutionRequest { Query = "{ slow }" }, cancellation.Token);
        Assert.Equal(ErrorCodes.Cancelled, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Resolver_context_exposes_services_user_and_request_properties()
    {
        var schema = SchemaBuilder.New()
            .AddQueryType(q => q.Field("who").Type("String").Resolve(ctx => ctx.User?.Identity?.Name + "/" + ctx.ContextData["tenant"] + "/" + ctx.Service<Clock>().Now))
            .Create();
        var services = new Services(new Clock("noon"));
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, "ada")], "test"));

        var result = await new RequestExecutor(schema).ExecuteAsync(
            new ExecutionRequest { Query = "{ who }", Services = services, User = user, ContextData = new Dictionary<string, object?> { ["tenant"] = "eu" } },
            TestContext.Current.CancellationToken);

        Assert.Equal("""{"data":{"who":"ada/eu/noon"}}""", result.ToJson());
    }

    [Fact]
    public async Task Paged_fields_return_cursor_connections_within_the_max_page_size()
    {
        var schema = SchemaBuilder.New()
            .AddQueryType(q => q.Field("numbers").UsePaging("Int!", maxPageSize: 3).Resolve(_ => Enumerable.Range(1, 5).ToList()))
            .Create();

        var first = await ShopSchema.RunAsync(schema, "{ numbers(first: 2) { nodes edges { cursor node } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }");
        Assert.Equal("""{"data":{"numbers":{"nodes":[1,2],"edges":[{"cursor":"MA==","node":1},{"cursor":"MQ==","node":2}],"pageInfo":{"hasNextPage":true,"hasPreviousPage":false,"startCursor":"MA==","endCursor":"MQ=="},"totalCount":5}}}""", first);
        var next = await ShopSchema.RunAsync(schema, """{ numbers(first: 3, after: "MQ==") { nodes pageInfo { hasNextPage hasPreviousPage } } }""");
        Assert.Equal("""{"data":{"numbers":{"nodes":[3,4,5],"pageInfo":{"hasNextPage":false,"hasPreviousPage":true}}}}""", next);
        var last = await ShopSchema.RunAsync(schema, "{ numbers(last: 2) { nodes } }");
        Assert.Equal("""{"data":{"numbers":{"nodes":[4,5]}}}""", last);
        var tooMany = await ShopSchema.RunAsync(schema, "{ numbers(first: 4) { nodes } }");
        Assert.Contains("PAGE_SIZE_EXCEEDED", tooMany, StringComparison.Ordinal);
    }

    private sealed record OrderInput(IReadOnlyList<LineInput> Lines);

    private sealed record LineInput(int Quantity, decimal UnitPrice);

    private sealed record Clock(string Now);

    private sealed class Services(Clock clock) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(Clock) ? clock : null;
    }
}
