using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;
using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Introspection;

/// <summary>
/// The introspection types of spec 4.2 (<c>__Schema</c>, <c>__Type</c>, ...), shared by every schema: their resolvers read the
/// schema from the resolver context and the type-system model from the parent value.
/// </summary>
internal static class IntrospectionTypes
{
    static IntrospectionTypes()
    {
        var typeKind = Enum("__TypeKind", "An enum describing what kind of type a given `__Type` is.",
            ("SCALAR", TypeKind.Scalar), ("OBJECT", TypeKind.Object), ("INTERFACE", TypeKind.Interface), ("UNION", TypeKind.Union),
            ("ENUM", TypeKind.Enum), ("INPUT_OBJECT", TypeKind.InputObject), ("LIST", TypeKind.List), ("NON_NULL", TypeKind.NonNull));
        var locations = new (string, object)[19];
        for (var i = 0; i < locations.Length; i++)
        {
            locations[i] = (((DirectiveLocation)i).ToName(), (DirectiveLocation)i);
        }

        var directiveLocation = Enum("__DirectiveLocation", "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.", locations);
        var schemaType = new ObjectType("__Schema", "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.") { IsSpecified = true };
        var type = new ObjectType("__Type", "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.") { IsSpecified = true };
        var field = new ObjectType("__Field", "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.") { IsSpecified = true };
        var inputValue = new ObjectType("__InputValue", "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.") { IsSpecified = true };
        var enumValue = new ObjectType("__EnumValue", "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.") { IsSpecified = true };
        var directive = new ObjectType("__Directive", "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.") { IsSpecified = true };

        GraphQLType S = ScalarType.String, B = ScalarType.Boolean;
        GraphQLType NN(GraphQLType t) => new NonNullType(t);
        GraphQLType L(GraphQLType t) => new ListType(t);

        schemaType.Fields =
        [
            Field(schemaType, "description", S, p => ((SchemaContext)p!).Schema.Description),
            Field(schemaType, "types", NN(L(NN(type))), p => ((SchemaContext)p!).Schema.Types, "A list of all types supported by this server."),
            Field(schemaType, "queryType", NN(type), p => ((SchemaContext)p!).Schema.QueryType, "The type that query operations will be rooted at."),
            Field(schemaType, "mutationType", type, p => ((SchemaContext)p!).Schema.MutationType, "If this server supports mutation, the type that mutation operations will be rooted at."),
            Field(schemaType, "subscriptionType", type, p => ((SchemaContext)p!).Schema.SubscriptionType, "If this server support subscription, the type that subscription operations will be rooted at."),
            Field(schemaType, "directives", NN(L(NN(directive))), p => ((SchemaContext)p!).Schema.Directives, "A list of all directives supported by this server."),
        ];
        type.Fields =
        [
            Field(type, "kind", NN(typeKind), p => ((GraphQLType)p!).Kind),
            Field(type, "name", S, p => (p as NamedType)?.Name),
            Field(type, "description", S, p => (p as NamedType)?.Description),
            Field(type, "specifiedByURL", S, p => (p as ScalarType)?.SpecifiedByUrl),
            WithIncludeDeprecated(Field(type, "fields", L(NN(field)), null), ctx => ctx.Parent<object?>() is ComplexType complex
                ? Filter(complex.Fields, f => f.IsDeprecated, ctx)
                : null),
            Field(type, "interfaces", L(NN(type)), p => (p as ComplexType)?.Interfaces),
            ArgsField(type, "possibleTypes", L(NN(type)), ctx => ctx.Parent<object?>() is NamedType { IsAbstractType: true } abstractType
                ? ctx.Schema.GetPossibleTypes(abstractType)
                : null),
            WithIncludeDeprecated(Field(type, "enumValues", L(NN(enumValue)), null), ctx => ctx.Parent<object?>() is EnumType enumType
                ? Filter(enumType.Values, v => v.IsDeprecated, ctx)
                : null),
            WithIncludeDeprecated(Field(type, "inputFields", L(NN(inputValue)), null), ctx => ctx.Parent<object?>() is InputObjectType input
                ? Filter(input.Fields, f => f.IsDeprecated, ctx)
                : null),
            Field(type, "ofType", type, p => p switch { ListType l => l.OfType, NonNullType n => n.OfType, _ => null }),
            Field(type, "isOneOf", B, p => p is InputObjectType input ? input.IsOneOf : null),
        ];
        field.Fields =
        [
            Field(field, "name", NN(S), p => ((FieldDefinition)p!).Name),
            Field(field, "description", S, p => ((FieldDefinition)p!).Description),
            WithIncludeDeprecated(Field(field, "args", NN(L(NN(inputValue))), null), ctx => Filter(ctx.Parent<FieldDefinition>().Arguments, a => a.IsDeprecated, ctx)),
            Field(field, "type", NN(type), p => ((FieldDefinition)p!).Type),
            Field(field, "isDeprecated", NN(B), p => ((FieldDefinition)p!).IsDeprecated),
            Field(field, "deprecationReason", S, p => ((FieldDefinition)p!).DeprecationReason),
        ];
        inputValue.Fields =
        [
            Field(inputValue, "name", NN(S), p => ((InputValueDefinition)p!).Name),
            Field(inputValue, "description", S, p => ((InputValueDefinition)p!).Description),
            Field(inputValue, "type", NN(type), p => ((InputValueDefinition)p!).Type),
            Field(inputValue, "defaultValue", S, p => ValuePrinter.PrintDefault((InputValueDefinition)p!), "A GraphQL-formatted string representing the default value for this input value."),
            Field(inputValue, "isDeprecated", NN(B), p => ((InputValueDefinition)p!).IsDeprecated),
            Field(inputValue, "deprecationReason", S, p => ((InputValueDefinition)p!).DeprecationReason),
        ];
        enumValue.Fields =
        [
            Field(enumValue, "name", NN(S), p => ((EnumValueDefinition)p!).Name),
            Field(enumValue, "description", S, p => ((EnumValueDefinition)p!).Description),
            Field(enumValue, "isDeprecated", NN(B), p => ((EnumValueDefinition)p!).IsDeprecated),
            Field(enumValue, "deprecationReason", S, p => ((EnumValueDefinition)p!).DeprecationReason),
        ];
        directive.Fields =
        [
            Field(directive, "name", NN(S), p => ((DirectiveDefinition)p!).Name),
            Field(directive, "description", S, p => ((DirectiveDefinition)p!).Description),
            Field(directive, "isRepeatable", NN(B), p => ((DirectiveDefinition)p!).IsRepeatable),
            Field(directive, "locations", NN(L(NN(directiveLocation))), p => ((DirectiveDefinition)p!).Locations),
            WithIncludeDeprecated(Field(directive, "args", NN(L(NN(inputValue))), null), ctx => Filter(ctx.Parent<DirectiveDefinition>().Arguments, a => a.IsDeprecated, ctx)),
        ];

        All = [schemaType, directive, directiveLocation, type, field, inputValue, enumValue, typeKind];
        SchemaType = schemaType;
        TypeType = type;

        var query = new ObjectType("__Query");
        SchemaField = new FieldDefinition("__schema", NN(schemaType))
        {
            Description = "Access the current type schema of this server.",
            DeclaringType = query,
            Resolver = ctx => new ValueTask<object?>(new SchemaContext(ctx.Schema)),
        };
        TypeField = new FieldDefinition("__type", type)
        {
            Description = "Request the type information of a single type.",
            DeclaringType = query,
            Arguments = [new InputValueDefinition("name", NN(S))],
            Resolver = ctx => new ValueTask<object?>(ctx.Schema.GetNamedType(ctx.Argument<string>("name"))),
        };
        TypeNameField = new FieldDefinition("__typename", NN(S))
        {
            Description = "The name of the current Object type at runtime.",
            DeclaringType = query,
        };
    }

    /// <summary>Every introspection type, added to each schema.</summary>
    public static IReadOnlyList<NamedType> All { get; }

    public static ObjectType SchemaType { get; }

    public static ObjectType TypeType { get; }

    /// <summary>The meta-field <c>__schema</c>, available on the query root.</summary>
    public static FieldDefinition SchemaField { get; }

    /// <summary>The meta-field <c>__type(name:)</c>, available on the query root.</summary>
    public static FieldDefinition TypeField { get; }

    /// <summary>The meta-field <c>__typename</c>, available on every composite type; the executor answers it itself.</summary>
    public static FieldDefinition TypeNameField { get; }

    public static bool IsIntrospectionType(NamedType type)
    {
        foreach (var candidate in All)
        {
            if (ReferenceEquals(candidate, type))
            {
                return true;
            }
        }

        return false;
    }

    private static EnumType Enum(string name, string description, params (string Name, object Value)[] values)
    {
        var type = new EnumType(name, description) { IsSpecified = true };
        type.Values = values.Select(v => new EnumValueDefinition(v.Name, v.Value)).ToList();
        return type;
    }

    private static FieldDefinition Field(ObjectType owner, string name, GraphQLType type, Func<object?, object?>? getter, string? description = null) =>
        new(name, type) { DeclaringType = owner, ParentGetter = getter, Description = description };

    private static FieldDefinition ArgsField(ObjectType owner, string name, GraphQLType type, Func<IResolverContext, object?> resolve) =>
        new(name, type) { DeclaringType = owner, Resolver = ctx => new ValueTask<object?>(resolve(ctx)) };

    private static FieldDefinition WithIncludeDeprecated(FieldDefinition field, Func<IResolverContext, object?> resolve)
    {
        field.Arguments = [new InputValueDefinition("includeDeprecated", ScalarType.Boolean) { HasDefaultValue = true, DefaultValue = false }];
        field.Resolver = ctx => new ValueTask<object?>(resolve(ctx));
        return field;
    }

    private static List<T> Filter<T>(IReadOnlyList<T> items, Func<T, bool> isDeprecated, IResolverContext context)
    {
        var includeDeprecated = context.Argument<bool?>("includeDeprecated") ?? false;
        var result = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (includeDeprecated || !isDeprecated(item))
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>The value of <c>__schema</c>: wraps the schema so the executor can resolve it as a <c>__Schema</c> object.</summary>
    internal sealed record SchemaContext(GraphQLSchema Schema);
}
