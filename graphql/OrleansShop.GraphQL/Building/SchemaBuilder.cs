using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>
/// Builds a <see cref="GraphQLSchema"/> code-first (fluent descriptors, in HotChocolate's style), from SDL plus resolvers, or both.
/// <see cref="Create"/> validates the result against the specification's type system rules and throws a
/// <see cref="SchemaException"/> listing every problem.
/// </summary>
/// <example>
/// <code>
/// var schema = SchemaBuilder.New()
///     .AddQueryType(q => q.Field("hello").Type("String!").Resolve(_ => "world"))
///     .Create();
/// </code>
/// </example>
public sealed class SchemaBuilder
{
    private readonly List<object> _types = [];
    private readonly List<DirectiveTypeDescriptor> _directives = [];
    private readonly List<DocumentNode> _documents = [];
    private readonly List<(string TypeName, Action<ObjectTypeDescriptor> Configure)> _objectExtensions = [];
    private readonly List<(string TypeName, string FieldName, Action<FieldDescriptor> Configure)> _fieldConfigurations = [];
    private readonly List<(string TypeName, TypeResolver Resolver)> _typeResolvers = [];
    private readonly Dictionary<Type, ScalarType> _clrScalars = [];
    private ObjectTypeDescriptor? _query;
    private ObjectTypeDescriptor? _mutation;
    private ObjectTypeDescriptor? _subscription;
    private string? _description;
    private MutationConventionOptions _mutationConventions = new();

    private SchemaBuilder()
    {
    }

    public static SchemaBuilder New() => new();

    /// <summary>Starts a schema from SDL (type system definitions and extensions); add resolvers with <see cref="AddResolver(string, string, FieldResolver)"/>.</summary>
    public static SchemaBuilder FromSdl(string sdl) => New().AddDocument(sdl);

    public SchemaBuilder Description(string? description)
    {
        _description = description;
        return this;
    }

    /// <summary>Adds the types, directives and extensions of an SDL document.</summary>
    public SchemaBuilder AddDocument(string sdl) => AddDocument(Parser.Parse(sdl));

    public SchemaBuilder AddDocument(DocumentNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _documents.Add(document);
        return this;
    }

    /// <summary>Adds the query root type, named <c>Query</c> unless renamed.</summary>
    public SchemaBuilder AddQueryType(Action<ObjectTypeDescriptor> configure) => AddRoot(ref _query, "Query", configure);

    /// <summary>Adds the query root type bound to <typeparamref name="T"/> (its properties become fields).</summary>
    public SchemaBuilder AddQueryType<T>(Action<ObjectTypeDescriptor<T>>? configure = null) => AddRoot(ref _query, "Query", configure);

    public SchemaBuilder AddMutationType(Action<ObjectTypeDescriptor> configure) => AddRoot(ref _mutation, "Mutation", configure);

    public SchemaBuilder AddMutationType<T>(Action<ObjectTypeDescriptor<T>>? configure = null) => AddRoot(ref _mutation, "Mutation", configure);

    public SchemaBuilder AddSubscriptionType(Action<ObjectTypeDescriptor> configure) => AddRoot(ref _subscription, "Subscription", configure);

    public SchemaBuilder AddSubscriptionType<T>(Action<ObjectTypeDescriptor<T>>? configure = null) => AddRoot(ref _subscription, "Subscription", configure);

    /// <summary>Adds an object type not bound to a CLR type.</summary>
    public SchemaBuilder AddObjectType(string name, Action<ObjectTypeDescriptor> configure)
    {
        var descriptor = new ObjectTypeDescriptor(name);
        configure(descriptor);
        _types.Add(descriptor);
        return this;
    }

    /// <summary>Adds an object type bound to <typeparamref name="T"/>; named after it and with its properties as fields unless configured otherwise.</summary>
    public SchemaBuilder AddObjectType<T>(Action<ObjectTypeDescriptor<T>>? configure = null)
    {
        var descriptor = new ObjectTypeDescriptor<T>();
        configure?.Invoke(descriptor);
        _types.Add(descriptor);
        return this;
    }

    /// <summary>Adds fields to an object type defined elsewhere (in code or SDL), e.g. to split <c>Query</c> by feature.</summary>
    public SchemaBuilder ExtendObjectType(string name, Action<ObjectTypeDescriptor> configure)
    {
        _objectExtensions.Add((name, configure));
        return this;
    }

    public SchemaBuilder AddInterfaceType(string name, Action<InterfaceTypeDescriptor> configure)
    {
        var descriptor = new InterfaceTypeDescriptor(name, null);
        configure(descriptor);
        _types.Add(descriptor);
        return this;
    }

    /// <summary>Adds an interface type bound to the CLR type <typeparamref name="T"/>: values implementing it resolve to their bound object types.</summary>
    public SchemaBuilder AddInterfaceType<T>(Action<InterfaceTypeDescriptor> configure)
    {
        var descriptor = new InterfaceTypeDescriptor(ClrTypeInspector.GraphQLTypeName(typeof(T)), typeof(T));
        configure(descriptor);
        _types.Add(descriptor);
        return this;
    }

    public SchemaBuilder AddUnionType(string name, Action<UnionTypeDescriptor> configure)
    {
        var descriptor = new UnionTypeDescriptor(name);
        configure(descriptor);
        _types.Add(descriptor);
        return this;
    }

    public SchemaBuilder AddEnumType(string name, Action<EnumTypeDescriptor> configure)
    {
        var descriptor = new EnumTypeDescriptor(name);
        configure(descriptor);
        _types.Add(descriptor);
        return this;
    }

    public SchemaBuilder AddEnumType<TEnum>(Action<EnumTypeDescriptor<TEnum>>? configure = null)
        where TEnum : struct, Enum
    {
        var descriptor = new EnumTypeDescriptor<TEnum>();
        configure?.Invoke(descriptor);
        _types.Add(descriptor);
        return this;
    }

    public SchemaBuilder AddInputObjectType(string name, Action<InputObjectTypeDescriptor> configure)
    {
        var descriptor = new InputObjectTypeDescriptor(name);
        configure(descriptor);
        _types.Add(descriptor);
        return this;
    }

    public SchemaBuilder AddInputObjectType<T>(Action<InputObjectTypeDescriptor<T>>? configure = null)
    {
        var descriptor = new InputObjectTypeDescriptor<T>();
        configure?.Invoke(descriptor);
        _types.Add(descriptor);
        return this;
    }

    /// <summary>Adds a scalar (e.g. <see cref="ScalarType.DateTime"/> or a custom one); built-in scalars are added when referenced.</summary>
    public SchemaBuilder AddScalarType(ScalarType scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        _types.Add(scalar);
        return this;
    }

    /// <summary>Maps the CLR type <typeparamref name="TClr"/> to a scalar for type inference.</summary>
    public SchemaBuilder BindRuntimeType<TClr>(ScalarType scalar)
    {
        _clrScalars[typeof(TClr)] = scalar;
        return this;
    }

    public SchemaBuilder AddDirectiveType(string name, Action<DirectiveTypeDescriptor> configure)
    {
        var descriptor = new DirectiveTypeDescriptor(name);
        configure(descriptor);
        _directives.Add(descriptor);
        return this;
    }

    /// <summary>Sets the resolver of a field defined anywhere (typically in SDL).</summary>
    public SchemaBuilder AddResolver(string typeName, string fieldName, FieldResolver resolver) =>
        ConfigureField(typeName, fieldName, field => field.Resolve(resolver));

    /// <summary>Sets a synchronous resolver of a field defined anywhere.</summary>
    public SchemaBuilder AddResolver(string typeName, string fieldName, Func<IResolverContext, object?> resolver) =>
        ConfigureField(typeName, fieldName, field => field.Resolve(resolver));

    /// <summary>Sets the event stream of a subscription field defined anywhere.</summary>
    public SchemaBuilder AddSubscriber<TEvent>(string typeName, string fieldName, Func<IResolverContext, IAsyncEnumerable<TEvent>> subscribe) =>
        ConfigureField(typeName, fieldName, field => field.Subscribe(subscribe));

    /// <summary>Sets an event stream that opens asynchronously (see <see cref="FieldDescriptor.AsyncSubscribe{TEvent}"/>).</summary>
    public SchemaBuilder AddAsyncSubscriber<TEvent>(string typeName, string fieldName, Func<IResolverContext, Task<IAsyncEnumerable<TEvent>>> subscribe) =>
        ConfigureField(typeName, fieldName, field => field.AsyncSubscribe(subscribe));

    /// <summary>Configures a field defined anywhere (in code or SDL) once all types are known.</summary>
    public SchemaBuilder ConfigureField(string typeName, string fieldName, Action<FieldDescriptor> configure)
    {
        _fieldConfigurations.Add((typeName, fieldName, configure));
        return this;
    }

    /// <summary>Sets how an interface or union defined anywhere picks the concrete type of a value.</summary>
    public SchemaBuilder AddTypeResolver(string abstractTypeName, TypeResolver resolver)
    {
        _typeResolvers.Add((abstractTypeName, resolver));
        return this;
    }

    /// <summary>
    /// Configures HotChocolate's mutation convention for the fields that use <see cref="FieldDescriptor.UseMutationConvention"/>:
    /// the application's error type (<see cref="MutationConventionOptions.ErrorType"/>, declared by the application) and the
    /// exceptions that become errors in payloads.
    /// </summary>
    public SchemaBuilder AddMutationConventions(Action<MutationConventionOptions>? configure = null)
    {
        var options = new MutationConventionOptions();
        configure?.Invoke(options);
        _mutationConventions = options;
        return this;
    }

    /// <summary>Builds and validates the schema.</summary>
    public GraphQLSchema Create()
    {
        var types = new List<object>();
        AddRootDescriptor(types, _query);
        AddRootDescriptor(types, _mutation);
        AddRootDescriptor(types, _subscription);
        types.AddRange(_types);
        var directives = new List<DirectiveTypeDescriptor>(_directives);
        var roots = new RootTypeNames(_query?.NameValue, _mutation?.NameValue, _subscription?.NameValue);
        var schemaDirectives = new List<AppliedDirective>();
        var description = _description;
        foreach (var document in _documents)
        {
            SdlSchemaReader.Read(document, types, directives, ref roots, schemaDirectives, ref description);
        }

        var assembler = new SchemaAssembler(types, directives, _clrScalars, roots, description, schemaDirectives)
        {
            MutationConventions = _mutationConventions,
        };
        foreach (var (typeName, configure) in _objectExtensions)
        {
            configure(assembler.FindObjectDescriptor(typeName));
        }

        foreach (var (typeName, fieldName, configure) in _fieldConfigurations)
        {
            configure(assembler.FindFieldDescriptor(typeName, fieldName));
        }

        foreach (var (typeName, resolver) in _typeResolvers)
        {
            assembler.SetTypeResolver(typeName, resolver);
        }

        return assembler.Assemble();
    }

    private static void AddRootDescriptor(List<object> types, ObjectTypeDescriptor? root)
    {
        if (root is not null)
        {
            types.Add(root);
        }
    }

    private SchemaBuilder AddRoot(ref ObjectTypeDescriptor? root, string name, Action<ObjectTypeDescriptor> configure)
    {
        root = new ObjectTypeDescriptor(name);
        configure(root);
        return this;
    }

    private SchemaBuilder AddRoot<T>(ref ObjectTypeDescriptor? root, string name, Action<ObjectTypeDescriptor<T>>? configure)
    {
        var descriptor = new ObjectTypeDescriptor<T>();
        descriptor.Name(name);
        configure?.Invoke(descriptor);
        root = descriptor;
        return this;
    }
}
