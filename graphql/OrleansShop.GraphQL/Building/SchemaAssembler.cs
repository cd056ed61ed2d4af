using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Introspection;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>
/// Turns descriptors into the immutable type system: creates every named type first so types may refer to each other
/// in any order, infers types of CLR members (adding the CLR enums, objects and inputs they name), coerces defaults,
/// then validates. Runs once per schema; reflection is allowed here and nowhere on the request path.
/// </summary>
internal sealed class SchemaAssembler
{
    private static readonly Dictionary<Type, ScalarType> DefaultClrScalars = new()
    {
        [typeof(string)] = ScalarType.String,
        [typeof(int)] = ScalarType.Int,
        [typeof(short)] = ScalarType.Int,
        [typeof(byte)] = ScalarType.Int,
        [typeof(bool)] = ScalarType.Boolean,
        [typeof(double)] = ScalarType.Float,
        [typeof(float)] = ScalarType.Float,
        [typeof(decimal)] = ScalarType.Decimal,
        [typeof(DateTimeOffset)] = ScalarType.DateTime,
        [typeof(DateTime)] = ScalarType.DateTime,
        [typeof(Guid)] = ScalarType.ID,
    };

    private static readonly ScalarType[] KnownScalars =
        [ScalarType.Int, ScalarType.Float, ScalarType.String, ScalarType.Boolean, ScalarType.ID, ScalarType.DateTime, ScalarType.Decimal];

    private readonly List<object> _descriptors;
    private readonly List<DirectiveTypeDescriptor> _directiveDescriptors;
    private readonly Dictionary<Type, ScalarType> _clrScalars;
    private readonly RootTypeNames _roots;
    private readonly string? _description;
    private readonly List<AppliedDirective> _schemaDirectives;
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly List<NamedType> _order = [];
    private readonly Dictionary<NamedType, object> _descriptorOf = [];
    private readonly Dictionary<Type, NamedType> _outputByClr = [];
    private readonly Dictionary<Type, NamedType> _inputByClr = [];
    private readonly Queue<NamedType> _pending = new();
    private readonly List<(InputValueDescriptor Descriptor, InputValueDefinition Definition, string Coordinate)> _defaults = [];
    private readonly List<(List<AppliedDirective> Directives, string Coordinate)> _applied = [];

    public SchemaAssembler(
        List<object> descriptors,
        List<DirectiveTypeDescriptor> directives,
        Dictionary<Type, ScalarType> clrScalars,
        RootTypeNames roots,
        string? description,
        List<AppliedDirective> schemaDirectives)
    {
        _descriptors = descriptors;
        _directiveDescriptors = directives;
        _clrScalars = new Dictionary<Type, ScalarType>(DefaultClrScalars);
        foreach (var (clr, scalar) in clrScalars)
        {
            _clrScalars[clr] = scalar;
        }

        _roots = roots;
        _description = description;
        _schemaDirectives = schemaDirectives;
        foreach (var descriptor in descriptors)
        {
            AddImplicitFields(descriptor);
        }
    }

    public ObjectTypeDescriptor FindObjectDescriptor(string name)
    {
        foreach (var descriptor in _descriptors)
        {
            if (descriptor is ObjectTypeDescriptor objectType && objectType.NameValue == name)
            {
                return objectType;
            }
        }

        throw new SchemaException($"Cannot extend the object type \"{name}\" because it is not defined.");
    }

    public FieldDescriptor FindFieldDescriptor(string typeName, string fieldName)
    {
        foreach (var descriptor in _descriptors)
        {
            var fields = descriptor switch
            {
                ObjectTypeDescriptor o when o.NameValue == typeName => o.FieldsValue,
                InterfaceTypeDescriptor i when i.NameValue == typeName => i.FieldsValue,
                _ => null,
            };
            if (fields is not null)
            {
                return fields.Find(fieldName) ?? throw new SchemaException($"Cannot configure the field \"{typeName}.{fieldName}\" because \"{typeName}\" has no field \"{fieldName}\".");
            }
        }

        throw new SchemaException($"Cannot configure the field \"{typeName}.{fieldName}\" because the type \"{typeName}\" is not defined.");
    }

    public void SetTypeResolver(string typeName, TypeResolver resolver)
    {
        foreach (var descriptor in _descriptors)
        {
            switch (descriptor)
            {
                case InterfaceTypeDescriptor i when i.NameValue == typeName:
                    i.ResolveType(resolver);
                    return;
                case UnionTypeDescriptor u when u.NameValue == typeName:
                    u.ResolveType(resolver);
                    return;
            }
        }

        throw new SchemaException($"Cannot set the type resolver of \"{typeName}\" because no interface or union of that name is defined.");
    }

    public GraphQLSchema Assemble()
    {
        foreach (var descriptor in _descriptors.ToList())
        {
            Register(descriptor);
        }

        Conventions.PrepareMutationConventions(_descriptors.ToList(), this);

        while (_pending.TryDequeue(out var type))
        {
            Complete(type);
        }

        var directives = new List<DirectiveDefinition>(SpecifiedDirectives.All);
        foreach (var descriptor in _directiveDescriptors)
        {
            if (SpecifiedDirectives.IsSpecified(descriptor.NameValue))
            {
                continue;
            }

            var directive = new DirectiveDefinition(descriptor.NameValue, descriptor.LocationsValue.Distinct().ToList())
            {
                Description = descriptor.DescriptionValue,
                IsRepeatable = descriptor.IsRepeatableValue,
            };
            directive.Arguments = BuildInputValues(descriptor.ArgumentsValue, "@" + descriptor.NameValue);
            directives.Add(directive);
        }

        while (_pending.TryDequeue(out var type))
        {
            Complete(type);
        }

        // Twice, because a default input object literal picks up the defaults of its fields, which may come later in the list.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (descriptor, definition, coordinate) in _defaults)
            {
                CoerceDefault(descriptor, definition, coordinate);
            }
        }

        var query = Root(_roots.Query ?? "Query", "Query", required: _roots.Query is not null || _types.ContainsKey("Query"));
        var mutation = Root(_roots.Mutation ?? "Mutation", "Mutation", required: _roots.Mutation is not null);
        var subscription = Root(_roots.Subscription ?? "Subscription", "Subscription", required: _roots.Subscription is not null);
        if (query is null)
        {
            _errors.Add("Query root type must be provided.");
        }

        // The introspection types use String and Boolean, so every schema has them (as in graphql-js).
        RegisterNamed(ScalarType.String);
        RegisterNamed(ScalarType.Boolean);
        foreach (var introspectionType in IntrospectionTypes.All)
        {
            if (_types.TryAdd(introspectionType.Name, introspectionType))
            {
                _order.Add(introspectionType);
            }
            else
            {
                _errors.Add($"Name \"{introspectionType.Name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
            }
        }

        var directiveNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            if (!directiveNames.Add(directive.Name))
            {
                _errors.Add($"There can be only one directive named \"@{directive.Name}\".");
            }
        }

        if (_errors.Count > 0)
        {
            throw new SchemaException(_errors.Distinct().ToList());
        }

        var schema = new GraphQLSchema(query!, mutation, subscription, _order, directives, _description, _schemaDirectives);
        foreach (var (applied, coordinate) in _applied)
        {
            BindAppliedDirectives(schema, applied, coordinate);
        }

        BindAppliedDirectives(schema, _schemaDirectives, "schema");
        var errors = SchemaValidator.Validate(schema);
        if (errors.Count > 0)
        {
            throw new SchemaException(errors);
        }

        return schema;
    }

    private static void AddImplicitFields(object descriptor)
    {
        switch (descriptor)
        {
            case ObjectTypeDescriptor objectType:
                objectType.AddImplicitFields();
                break;
            case InputObjectTypeDescriptor inputObject:
                inputObject.AddImplicitFields();
                break;
        }
    }

    private ObjectType? Root(string name, string operation, bool required)
    {
        if (!_types.TryGetValue(name, out var type))
        {
            if (required)
            {
                _errors.Add($"{operation} root type \"{name}\" is not defined.");
            }

            return null;
        }

        if (type is not ObjectType objectType)
        {
            _errors.Add($"{operation} root type must be Object type, it cannot be {name}.");
            return null;
        }

        return objectType;
    }

    private NamedType? Register(object descriptor)
    {
        NamedType type;
        Type? runtimeType = null;
        switch (descriptor)
        {
            case ObjectTypeDescriptor o:
                type = new ObjectType(o.NameValue) { RuntimeType = o.RuntimeType };
                runtimeType = o.RuntimeType;
                break;
            case InterfaceTypeDescriptor i:
                type = new InterfaceType(i.NameValue);
                runtimeType = i.RuntimeType;
                break;
            case UnionTypeDescriptor u:
                type = new UnionType(u.NameValue);
                break;
            case EnumTypeDescriptor e:
                type = new EnumType(e.NameValue) { RuntimeType = e.RuntimeType };
                runtimeType = e.RuntimeType;
                break;
            case InputObjectTypeDescriptor input:
                type = new InputObjectType(input.NameValue) { RuntimeType = input.RuntimeType };
                if (input.RuntimeType is not null)
                {
                    _inputByClr.TryAdd(input.RuntimeType, type);
                }

                break;
            case ScalarType scalar:
                type = scalar;
                break;
            default:
                throw new InvalidOperationException("Unknown descriptor " + descriptor.GetType().Name);
        }

        if (_types.TryGetValue(type.Name, out var existing))
        {
            if (!ReferenceEquals(existing, type))
            {
                _errors.Add($"Schema must contain uniquely named types but contains multiple types named \"{type.Name}\".");
            }

            return existing;
        }

        _types[type.Name] = type;
        _order.Add(type);
        _descriptorOf[type] = descriptor;
        if (runtimeType is not null)
        {
            _outputByClr.TryAdd(runtimeType, type);
            if (type is EnumType)
            {
                _inputByClr.TryAdd(runtimeType, type);
            }
        }

        if (type is not ScalarType)
        {
            _pending.Enqueue(type);
        }

        return type;
    }

    private void Complete(NamedType type)
    {
        switch (_descriptorOf[type])
        {
            case ObjectTypeDescriptor o:
                var objectType = (ObjectType)type;
                objectType.Description = o.DescriptionValue;
                objectType.IsTypeOf = o.IsTypeOfValue;
                objectType.Interfaces = ResolveInterfaces(o.InterfacesValue, type.Name);
                objectType.Fields = BuildFields(o.FieldsValue, objectType);
                objectType.Directives = Applied(o.DirectivesValue, type.Name);
                break;
            case InterfaceTypeDescriptor i:
                var interfaceType = (InterfaceType)type;
                interfaceType.Description = i.DescriptionValue;
                interfaceType.ResolveType = i.ResolveTypeValue;
                interfaceType.Interfaces = ResolveInterfaces(i.InterfacesValue, type.Name);
                interfaceType.Fields = BuildFields(i.FieldsValue, interfaceType);
                interfaceType.Directives = Applied(i.DirectivesValue, type.Name);
                break;
            case UnionTypeDescriptor u:
                var union = (UnionType)type;
                union.Description = u.DescriptionValue;
                union.ResolveType = u.ResolveTypeValue;
                var members = new List<ObjectType>();
                foreach (var reference in u.TypesValue)
                {
                    var member = ResolveNamed(reference, output: true, $"union \"{type.Name}\"");
                    if (member is ObjectType memberObject)
                    {
                        members.Add(memberObject);
                    }
                    else if (member is not null)
                    {
                        _errors.Add($"Union type {type.Name} can only include Object types, it cannot include {member.Name}.");
                    }
                }

                union.Types = members;
                union.Directives = Applied(u.DirectivesValue, type.Name);
                break;
            case EnumTypeDescriptor e:
                var enumType = (EnumType)type;
                enumType.Description = e.DescriptionValue;
                var values = new List<EnumValueDefinition>();
                foreach (var value in e.ValuesValue)
                {
                    if (value.Ignored)
                    {
                        continue;
                    }

                    values.Add(new EnumValueDefinition(value.NameValue, value.Value)
                    {
                        Description = value.DescriptionValue,
                        DeprecationReason = value.DeprecationReasonValue,
                        Directives = Applied(value.DirectivesValue, type.Name + "." + value.NameValue),
                    });
                }

                enumType.Values = values;
                enumType.Directives = Applied(e.DirectivesValue, type.Name);
                break;
            case InputObjectTypeDescriptor input:
                var inputType = (InputObjectType)type;
                inputType.Description = input.DescriptionValue;
                inputType.IsOneOf = input.IsOneOfValue || input.DirectivesValue.Any(d => d.Name == "oneOf");
                inputType.Fields = BuildInputValues(input.FieldsValue.Where(f => !f.Ignored).ToList(), type.Name);
                inputType.Directives = Applied(input.DirectivesValue.Where(d => d.Name != "oneOf").ToList(), type.Name);
                if (input.RuntimeType is not null)
                {
                    var byMember = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var field in input.FieldsValue)
                    {
                        if (!field.Ignored && field.ClrMemberName is not null)
                        {
                            byMember[field.NameValue] = field.ClrMemberName;
                        }
                    }

                    foreach (var field in inputType.Fields)
                    {
                        field.RuntimeMemberName = byMember.GetValueOrDefault(field.Name);
                    }

                    try
                    {
                        inputType.Binder = InputObjectBinder.Create(input.RuntimeType, byMember);
                    }
                    catch (SchemaException error)
                    {
                        _errors.Add(error.Message);
                    }
                }

                break;
        }
    }

    private List<InterfaceType> ResolveInterfaces(List<TypeReference> references, string typeName)
    {
        var interfaces = new List<InterfaceType>();
        foreach (var reference in references)
        {
            var resolved = ResolveNamed(reference, output: true, $"type \"{typeName}\"");
            if (resolved is InterfaceType interfaceType)
            {
                if (!interfaces.Contains(interfaceType))
                {
                    interfaces.Add(interfaceType);
                }
                else
                {
                    _errors.Add($"Type {typeName} can only implement {interfaceType.Name} once.");
                }
            }
            else if (resolved is not null)
            {
                _errors.Add($"Type {typeName} must only implement Interface types, it cannot implement {resolved.Name}.");
            }
        }

        return interfaces;
    }

    private List<FieldDefinition> BuildFields(FieldCollection fields, ComplexType declaringType)
    {
        var result = new List<FieldDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var descriptor in fields.Items)
        {
            if (descriptor.Ignored)
            {
                continue;
            }

            var coordinate = declaringType.Name + "." + descriptor.NameValue;
            if (!names.Add(descriptor.NameValue))
            {
                _errors.Add($"Field \"{coordinate}\" can only be defined once.");
                continue;
            }

            if (descriptor.Paging is { } paging)
            {
                Conventions.ApplyPaging(descriptor, paging, this);
            }

            if (descriptor.MutationResultField is not null)
            {
                Conventions.ApplyMutationConvention(descriptor, coordinate, this);
            }

            if (descriptor.TypeValue is null)
            {
                _errors.Add($"The type of the field \"{coordinate}\" is not set; call Type(...) or bind it to a property.");
                continue;
            }

            var type = Resolve(descriptor.TypeValue, output: true, $"field \"{coordinate}\"");
            if (type is null)
            {
                continue;
            }

            var field = new FieldDefinition(descriptor.NameValue, type)
            {
                Description = descriptor.DescriptionValue,
                DeprecationReason = descriptor.DeprecationReasonValue,
                DeclaringType = declaringType,
                Resolver = descriptor.ResolverValue,
                Subscriber = descriptor.SubscriberValue,
                ParentGetter = descriptor.ResolverValue is null ? descriptor.ParentGetterValue : null,
                Directives = Applied(descriptor.DirectivesValue, coordinate),
            };
            field.Arguments = BuildInputValues(descriptor.ArgumentsValue, coordinate);
            result.Add(field);
        }

        return result;
    }

    private List<InputValueDefinition> BuildInputValues(List<InputValueDescriptor> descriptors, string owner)
    {
        var result = new List<InputValueDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var descriptor in descriptors)
        {
            var coordinate = owner.StartsWith('@') || owner.Contains('.', StringComparison.Ordinal)
                ? owner + "(" + descriptor.NameValue + ":)"
                : owner + "." + descriptor.NameValue;
            if (!names.Add(descriptor.NameValue))
            {
                _errors.Add($"\"{coordinate}\" can only be defined once.");
                continue;
            }

            if (descriptor.TypeValue is null)
            {
                _errors.Add($"The type of \"{coordinate}\" is not set; call Type(...).");
                continue;
            }

            var type = Resolve(descriptor.TypeValue, output: false, $"\"{coordinate}\"");
            if (type is null)
            {
                continue;
            }

            var definition = new InputValueDefinition(descriptor.NameValue, type)
            {
                Description = descriptor.DescriptionValue,
                DeprecationReason = descriptor.DeprecationReasonValue,
                Directives = Applied(descriptor.DirectivesValue, coordinate),
            };
            if (descriptor.HasDefault)
            {
                _defaults.Add((descriptor, definition, coordinate));
            }

            result.Add(definition);
        }

        return result;
    }

    private void CoerceDefault(InputValueDescriptor descriptor, InputValueDefinition definition, string coordinate)
    {
        definition.HasDefaultValue = true;
        definition.DefaultValueLiteral = descriptor.DefaultLiteral;
        try
        {
            definition.DefaultValue = descriptor.DefaultLiteral is { } literal
                ? ValueCoercion.CoerceLiteral(literal, definition.Type, null)
                : CoerceCodeDefault(descriptor.DefaultValueValue, definition.Type, coordinate);
        }
        catch (ValueCoercionException error)
        {
            _errors.Add($"The default value of \"{coordinate}\" is invalid: {error.Message}");
        }
    }

    // A default given in code is already the internal value, but a null for a non-null type or a plain name for a CLR enum
    // is caught here rather than at the first request.
    private static object? CoerceCodeDefault(object? value, GraphQLType type, string coordinate)
    {
        if (value is null)
        {
            return type.IsNonNull ? throw new ValueCoercionException($"Expected non-nullable type \"{type}\" not to be null.") : null;
        }

        var nullable = type.NullableType;
        if (nullable is EnumType enumType && value is string name && enumType.RuntimeType is not null)
        {
            return enumType.ParseValue(name);
        }

        if (nullable is ScalarType scalar)
        {
            scalar.Serialize(value);
        }

        _ = coordinate;
        return value;
    }

    private List<AppliedDirective> Applied(List<AppliedDirective> directives, string coordinate)
    {
        if (directives.Count > 0)
        {
            _applied.Add((directives, coordinate));
        }

        return directives;
    }

    private void BindAppliedDirectives(GraphQLSchema schema, List<AppliedDirective> directives, string coordinate)
    {
        foreach (var directive in directives)
        {
            directive.Definition = schema.GetDirective(directive.Name);
            if (directive.Definition is null)
            {
                throw new SchemaException($"Unknown directive \"@{directive.Name}\" applied to \"{coordinate}\".");
            }
        }
    }

    internal GraphQLType? Resolve(TypeReference reference, bool output, string usage)
    {
        switch (reference)
        {
            case DirectTypeReference direct:
                RegisterNamed(direct.Type.GetNamedType());
                return direct.Type;
            case SyntaxTypeReference syntax:
                return ResolveSyntax(syntax.Syntax, usage);
            case ClrTypeReference clr:
                return ResolveClr(clr, output, usage);
            default:
                return null;
        }
    }

    private NamedType? ResolveNamed(TypeReference reference, bool output, string usage)
    {
        var type = Resolve(reference, output, usage);
        return type?.GetNamedType();
    }

    private void RegisterNamed(NamedType type)
    {
        if (!_types.TryGetValue(type.Name, out var existing))
        {
            _types[type.Name] = type;
            _order.Add(type);
        }
        else if (!ReferenceEquals(existing, type))
        {
            _errors.Add($"Schema must contain uniquely named types but contains multiple types named \"{type.Name}\".");
        }
    }

    private GraphQLType? ResolveSyntax(TypeNode node, string usage)
    {
        switch (node)
        {
            case NonNullTypeNode nonNull:
                var inner = ResolveSyntax(nonNull.Type, usage);
                return inner is null ? null : new NonNullType(inner);
            case ListTypeNode list:
                var item = ResolveSyntax(list.Type, usage);
                return item is null ? null : new ListType(item);
            case NamedTypeNode named:
                var name = named.Name.Value;
                if (_types.TryGetValue(name, out var type))
                {
                    return type;
                }

                foreach (var scalar in KnownScalars)
                {
                    if (scalar.Name == name)
                    {
                        RegisterNamed(scalar);
                        return scalar;
                    }
                }

                _errors.Add($"Unknown type \"{name}\" referenced by {usage}.");
                return null;
            default:
                return null;
        }
    }

    private GraphQLType? ResolveClr(ClrTypeReference reference, bool output, string usage)
    {
        GraphQLType? type;
        if (reference.Item is not null)
        {
            var item = ResolveClr(reference.Item, output, usage);
            type = item is null ? null : new ListType(item);
        }
        else
        {
            type = ResolveClrNamed(reference.ClrType, output, usage);
        }

        return type is null ? null : reference.Nullable ? type : new NonNullType(type);
    }

    private NamedType? ResolveClrNamed(Type clr, bool output, string usage)
    {
        if (_clrScalars.TryGetValue(clr, out var scalar))
        {
            RegisterNamed(scalar);
            return _types[scalar.Name];
        }

        var map = output ? _outputByClr : _inputByClr;
        if (map.TryGetValue(clr, out var bound))
        {
            return bound;
        }

        object descriptor;
        if (clr.IsEnum)
        {
            descriptor = Activator.CreateInstance(typeof(EnumTypeDescriptor<>).MakeGenericType(clr), nonPublic: true)!;
        }
        else if (clr.IsClass && clr != typeof(object) && !clr.IsAbstract && output)
        {
            descriptor = Activator.CreateInstance(typeof(ObjectTypeDescriptor<>).MakeGenericType(clr), nonPublic: true)!;
        }
        else if ((clr.IsClass || (clr.IsValueType && !clr.IsPrimitive)) && clr != typeof(object) && !clr.IsAbstract && !output)
        {
            var input = (InputObjectTypeDescriptor)Activator.CreateInstance(typeof(InputObjectTypeDescriptor<>).MakeGenericType(clr), nonPublic: true)!;
            if (!input.NameValue.EndsWith("Input", StringComparison.Ordinal))
            {
                input.Name(input.NameValue + "Input");
            }

            descriptor = input;
        }
        else
        {
            _errors.Add($"The CLR type \"{clr.Name}\" used by {usage} is not bound to a GraphQL type; register it (e.g. AddObjectType<{clr.Name}>()) or set the type explicitly.");
            return null;
        }

        AddImplicitFields(descriptor);
        _descriptors.Add(descriptor);
        var registered = Register(descriptor);
        if (registered is not null)
        {
            map[clr] = registered;
        }

        return registered;
    }

    /// <summary>The options of the mutation convention, from <see cref="SchemaBuilder.AddMutationConventions"/> or the defaults.</summary>
    internal MutationConventionOptions MutationConventions { get; set; } = new();

    internal void ReportError(string message) => _errors.Add(message);

    /// <summary>Whether a type of that name is registered; every declared type is, before any field is built.</summary>
    internal bool HasType(string name) => _types.ContainsKey(name);

    internal NamedType EnsureType(string name, Func<object> createDescriptor)
    {
        if (_types.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var descriptor = createDescriptor();
        _descriptors.Add(descriptor);
        return Register(descriptor)!;
    }
}
