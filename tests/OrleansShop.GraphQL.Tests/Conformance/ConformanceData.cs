using System.Globalization;
using System.Text.Json;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Tests.Conformance;

/// <summary>
/// Our side of the conformance schema: Corpus/shop.graphql with every field resolved from Corpus/data.json by the same
/// conventions tests/js/conformance.mjs applies, so graphql-js and we execute over identical behaviour:
/// <c>{"$async": v}</c> is <c>v</c> after yielding, <c>{"$error": m}</c> throws, <c>{"$ref": id | [ids]}</c> is an entity (or entities), <c>{"$args": true}</c> is the coerced
/// arguments, <c>{"$byArg": name, "cases": {...}}</c> picks a case by an argument, <c>{"$counter": true}</c> adds
/// <c>by</c> to the request's counter. Abstract types resolve by the data's <c>__typename</c>.
/// </summary>
internal static class ConformanceData
{
    private const string CounterKey = "conformance.counter";

    private static readonly Lazy<IReadOnlyDictionary<string, object?>> LazyData = new(() =>
        (IReadOnlyDictionary<string, object?>)FromJson(JsonDocument.Parse(ConformanceCorpus.DataJson).RootElement)!);

    private static readonly Lazy<GraphQLSchema> LazySchema = new(CreateSchema);

    /// <summary>The root value: <c>query</c>, <c>mutation</c> and <c>entities</c>.</summary>
    public static IReadOnlyDictionary<string, object?> Data => LazyData.Value;

    public static GraphQLSchema Schema => LazySchema.Value;

    private static IReadOnlyDictionary<string, object?> Entities => (IReadOnlyDictionary<string, object?>)Data["entities"]!;

    private static GraphQLSchema CreateSchema()
    {
        var builder = SchemaBuilder.FromSdl(ConformanceCorpus.ShopSdl);
        foreach (var definition in Parser.Parse(ConformanceCorpus.ShopSdl).Definitions)
        {
            switch (definition)
            {
                case ObjectTypeDefinitionNode type:
                    foreach (var field in type.Fields)
                    {
                        builder.AddResolver(type.Name.Value, field.Name.Value, (FieldResolver)Resolve);
                    }

                    break;
                case InterfaceTypeDefinitionNode or UnionTypeDefinitionNode:
                    builder.AddTypeResolver(((TypeDefinitionNode)definition).Name.Value, (value, _) =>
                        value is IReadOnlyDictionary<string, object?> map ? map.GetValueOrDefault("__typename") as string : null);
                    break;
            }
        }

        return builder.Create();
    }

    private static ValueTask<object?> Resolve(IResolverContext context)
    {
        object? source = context.Path.Count == 1
            ? Data[ReferenceEquals(context.ObjectType, context.Schema.MutationType) ? "mutation" : "query"]
            : context.Parent<object?>();
        object? raw = source is IReadOnlyDictionary<string, object?> map ? map.GetValueOrDefault(context.Field.Name) : null;
        return raw is IReadOnlyDictionary<string, object?> deferred && deferred.TryGetValue("$async", out var later)
            ? new ValueTask<object?>(InterpretLaterAsync(later, context))
            : new ValueTask<object?>(Interpret(raw, context));
    }

    /// <summary>As conformance.mjs's <c>$async</c>: the value after the resolver has yielded, so the executor awaits it.</summary>
    private static async Task<object?> InterpretLaterAsync(object? raw, IResolverContext context)
    {
        await Task.Yield();
        return Interpret(raw, context);
    }

    private static object? Interpret(object? raw, IResolverContext context)
    {
        switch (raw)
        {
            case null:
                return null;
            case List<object?> list:
                return list.Select(InterpretItem).ToList();
            case IReadOnlyDictionary<string, object?> map when map.TryGetValue("$error", out var message):
                throw new GraphQLException((string)message!);
            case IReadOnlyDictionary<string, object?> map when map.TryGetValue("$ref", out var reference):
                return reference is List<object?> ids ? ids.Select(id => Entity((string)id!)).ToList() : Entity((string)reference!);
            case IReadOnlyDictionary<string, object?> map when map.ContainsKey("$args"):
                return context.Arguments;
            case IReadOnlyDictionary<string, object?> map when map.TryGetValue("$byArg", out var argument):
                var cases = (IReadOnlyDictionary<string, object?>)map["cases"]!;
                return cases.TryGetValue(CaseName(context.Arguments.GetValueOrDefault((string)argument!)), out var picked)
                    ? Interpret(picked, context)
                    : null;
            case IReadOnlyDictionary<string, object?> map when map.ContainsKey("$counter"):
                int by = context.Arguments.GetValueOrDefault("by") is int given ? given : 1;
                int total = (context.ContextData.TryGetValue(CounterKey, out var current) ? (int)current! : 0) + by;
                context.ContextData[CounterKey] = total;
                return total;
            default:
                return raw;
        }
    }

    private static object? InterpretItem(object? item) =>
        item is IReadOnlyDictionary<string, object?> map && map.TryGetValue("$ref", out var reference) ? Entity((string)reference!) : item;

    private static object? Entity(string id) => Entities.GetValueOrDefault(id);

    /// <summary>As conformance.mjs: objects by their JSON text, everything else by its string form.</summary>
    private static string CaseName(object? key) => key switch
    {
        IReadOnlyDictionary<string, object?> or IDictionary<string, object?> => JsonSerializer.Serialize(key),
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => key?.ToString() ?? "null",
    };

    /// <summary>JSON as plain .NET values: dictionaries, lists, strings, booleans, and numbers as int, long or double.</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when element.TryGetInt32(out int i) => i,
        JsonValueKind.Number when element.TryGetInt64(out long l) => l,
        JsonValueKind.Number => element.GetDouble(),
        _ => null,
    };
}
