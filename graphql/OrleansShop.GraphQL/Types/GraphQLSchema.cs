using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Types;

/// <summary>
/// A built, validated and immutable schema (spec 3.3 Schema): its types by name, its directives and its root operation types.
/// Build one with <see cref="Building.SchemaBuilder"/>.
/// </summary>
public sealed class GraphQLSchema
{
    private readonly Dictionary<string, NamedType> _typesByName;
    private readonly Dictionary<string, DirectiveDefinition> _directivesByName;
    private readonly Dictionary<NamedType, IReadOnlyList<ObjectType>> _possibleTypes = [];
    private readonly Dictionary<InterfaceType, IReadOnlyList<InterfaceType>> _interfaceImplementations = [];
    private readonly Dictionary<NamedType, HashSet<NamedType>> _subTypes = [];

    internal GraphQLSchema(
        ObjectType queryType,
        ObjectType? mutationType,
        ObjectType? subscriptionType,
        IReadOnlyList<NamedType> types,
        IReadOnlyList<DirectiveDefinition> directives,
        string? description,
        IReadOnlyList<AppliedDirective> schemaDirectives)
    {
        QueryType = queryType;
        MutationType = mutationType;
        SubscriptionType = subscriptionType;
        Types = types;
        Directives = directives;
        Description = description;
        SchemaDirectives = schemaDirectives;
        _typesByName = new Dictionary<string, NamedType>(types.Count, StringComparer.Ordinal);
        foreach (var type in types)
        {
            _typesByName[type.Name] = type;
        }

        _directivesByName = new Dictionary<string, DirectiveDefinition>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            _directivesByName[directive.Name] = directive;
        }

        IndexPossibleTypes();
    }

    public string? Description { get; }

    public ObjectType QueryType { get; }

    public ObjectType? MutationType { get; }

    public ObjectType? SubscriptionType { get; }

    /// <summary>Every named type, including the built-in scalars used and the introspection types, in definition order.</summary>
    public IReadOnlyList<NamedType> Types { get; }

    /// <summary>Every named type by name.</summary>
    public IReadOnlyDictionary<string, NamedType> TypesByName => _typesByName;

    /// <summary>Every directive the schema knows, the specified ones first.</summary>
    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    /// <summary>Directives applied to the schema definition itself.</summary>
    public IReadOnlyList<AppliedDirective> SchemaDirectives { get; }

    /// <summary>Per-schema storage for components that derive data from the schema (e.g. the executor's caches).</summary>
    internal Dictionary<Type, object> Features { get; } = [];

    /// <summary>The named type called <paramref name="name"/>, or null.</summary>
    public NamedType? GetNamedType(string name) => _typesByName.GetValueOrDefault(name);

    /// <summary>The named type called <paramref name="name"/> of kind <typeparamref name="T"/>, or null.</summary>
    public T? GetNamedType<T>(string name)
        where T : NamedType => _typesByName.GetValueOrDefault(name) as T;

    public bool TryGetNamedType(string name, out NamedType type) => _typesByName.TryGetValue(name, out type!);

    public DirectiveDefinition? GetDirective(string name) => _directivesByName.GetValueOrDefault(name);

    /// <summary>The root type of an operation kind, or null when the schema does not support that kind.</summary>
    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        OperationType.Subscription => SubscriptionType,
        _ => null,
    };

    /// <summary>The object types a value of the abstract type may be: a union's members or an interface's implementing objects.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) => abstractType switch
    {
        UnionType union => union.Types,
        ObjectType objectType => [objectType],
        _ => _possibleTypes.GetValueOrDefault(abstractType) ?? [],
    };

    /// <summary>The interfaces that implement <paramref name="interfaceType"/>.</summary>
    public IReadOnlyList<InterfaceType> GetInterfaceImplementations(InterfaceType interfaceType) =>
        _interfaceImplementations.GetValueOrDefault(interfaceType) ?? [];

    /// <summary>True when <paramref name="objectType"/> is one of the possible types of <paramref name="abstractType"/>.</summary>
    public bool IsPossibleType(NamedType abstractType, ObjectType objectType) => IsSubType(abstractType, objectType);

    /// <summary>
    /// True when <paramref name="maybeSubType"/> is a member of the union <paramref name="abstractType"/>,
    /// or an object or interface type implementing the interface <paramref name="abstractType"/>.
    /// </summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType) =>
        _subTypes.TryGetValue(abstractType, out var subTypes) && subTypes.Contains(maybeSubType);

    private void IndexPossibleTypes()
    {
        var possible = new Dictionary<InterfaceType, List<ObjectType>>();
        var interfaces = new Dictionary<InterfaceType, List<InterfaceType>>();
        foreach (var type in Types)
        {
            switch (type)
            {
                case UnionType union:
                    _subTypes[union] = [.. union.Types];
                    break;
                case InterfaceType interfaceType:
                    possible.TryAdd(interfaceType, []);
                    interfaces.TryAdd(interfaceType, []);
                    foreach (var implemented in interfaceType.Interfaces)
                    {
                        GetOrAdd(interfaces, implemented).Add(interfaceType);
                    }

                    break;
                case ObjectType objectType:
                    foreach (var implemented in objectType.Interfaces)
                    {
                        GetOrAdd(possible, implemented).Add(objectType);
                    }

                    break;
            }
        }

        foreach (var (interfaceType, objects) in possible)
        {
            _possibleTypes[interfaceType] = objects;
            var subTypes = new HashSet<NamedType>(objects);
            subTypes.UnionWith(interfaces[interfaceType]);
            _subTypes[interfaceType] = subTypes;
        }

        foreach (var (interfaceType, implementations) in interfaces)
        {
            _interfaceImplementations[interfaceType] = implementations;
        }
    }

    private static List<T> GetOrAdd<TKey, T>(Dictionary<TKey, List<T>> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        return list;
    }
}
