using System.Text.Json;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Introspection;
using OrleansShop.GraphQL.Tests.Types;

namespace OrleansShop.GraphQL.Tests.Introspection;

public sealed class IntrospectionTests
{
    private static async Task<JsonElement> Introspect(string query)
    {
        var schema = SchemaBuilder.FromSdl(SchemaPrinterTests.EveryConstruct).Create();
        var result = await new RequestExecutor(schema).ExecuteAsync(query, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(result.Errors);
        return JsonDocument.Parse(result.ToJson()).RootElement.GetProperty("data");
    }

    [Fact]
    public async Task Full_introspection_query_describes_roots_types_and_directives()
    {
        var schema = (await Introspect(IntrospectionQuery.Full)).GetProperty("__schema");

        Assert.Equal("The shop's schema.", schema.GetProperty("description").GetString());
        Assert.Equal("Root", schema.GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal("Subscription", schema.GetProperty("subscriptionType").GetProperty("name").GetString());
        var types = schema.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Contains("__Schema", types.Keys);
        Assert.Equal("SCALAR", types["DateTime"].GetProperty("kind").GetString());
        Assert.Equal("https://scalars.graphql.org/andimarek/date-time", types["DateTime"].GetProperty("specifiedByURL").GetString());
        Assert.True(types["SearchBy"].GetProperty("isOneOf").GetBoolean());
        Assert.Equal(JsonValueKind.Null, types["Product"].GetProperty("isOneOf").ValueKind);
        Assert.Equal(["Product", "Category"], types["SearchResult"].GetProperty("possibleTypes").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        var products = types["Root"].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "products");
        var filter = products.GetProperty("args").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "filter");
        Assert.Equal("""{ inStock: true, tags: ["a", "b"] }""", filter.GetProperty("defaultValue").GetString());
        Assert.Equal("NON_NULL", products.GetProperty("type").GetProperty("kind").GetString());
        Assert.Equal("Product", products.GetProperty("type").GetProperty("ofType").GetProperty("ofType").GetProperty("ofType").GetProperty("name").GetString());
        var cached = schema.GetProperty("directives").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "cached");
        Assert.True(cached.GetProperty("isRepeatable").GetBoolean());
        Assert.Equal(["FIELD_DEFINITION", "OBJECT"], cached.GetProperty("locations").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains(schema.GetProperty("directives").EnumerateArray(), d => d.GetProperty("name").GetString() == "oneOf");
    }

    [Fact]
    public async Task Deprecated_elements_are_hidden_unless_asked_for()
    {
        var data = await Introspect("""
            {
              root: __type(name: "Root") { visible: fields { name } all: fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
              status: __type(name: "Status") { enumValues { name } all: enumValues(includeDeprecated: true) { name } }
              filter: __type(name: "ProductFilter") { inputFields { name } all: inputFields(includeDeprecated: true) { name } }
              older: __type(name: "Root") { fields(includeDeprecated: true) { name args { name } allArgs: args(includeDeprecated: true) { name } } }
            }
            """);

        Assert.DoesNotContain(data.GetProperty("root").GetProperty("visible").EnumerateArray(), f => f.GetProperty("name").GetString() == "old");
        var older = data.GetProperty("root").GetProperty("all").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "older");
        Assert.Equal("Use \"new\" instead.", older.GetProperty("deprecationReason").GetString());
        Assert.Equal(1, data.GetProperty("status").GetProperty("enumValues").GetArrayLength());
        Assert.Equal(3, data.GetProperty("status").GetProperty("all").GetArrayLength());
        Assert.Equal(4, data.GetProperty("filter").GetProperty("inputFields").GetArrayLength());
        Assert.Equal(5, data.GetProperty("filter").GetProperty("all").GetArrayLength());
        var olderArgs = data.GetProperty("older").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "older");
        Assert.Equal(0, olderArgs.GetProperty("args").GetArrayLength());
        Assert.Equal(1, olderArgs.GetProperty("allArgs").GetArrayLength());
    }

    [Fact]
    public async Task Typename_and_unknown_type_lookups()
    {
        var data = await Introspect("""{ __typename missing: __type(name: "Nope") { name } }""");
        Assert.Equal("Root", data.GetProperty("__typename").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("missing").ValueKind);
    }
}
