namespace OrleansShop.GraphQL.Types;

/// <summary>A type with fields and implemented interfaces: <see cref="ObjectType"/> or <see cref="InterfaceType"/>.</summary>
public abstract class ComplexType : NamedType
{
    private Dictionary<string, FieldDefinition> _fieldsByName = [];
    private IReadOnlyList<FieldDefinition> _fields = [];

    private protected ComplexType(string name, string? description)
        : base(name, description)
    {
    }

    /// <summary>The fields in definition order.</summary>
    public IReadOnlyList<FieldDefinition> Fields
    {
        get => _fields;
        internal set
        {
            _fields = value;
            var byName = new Dictionary<string, FieldDefinition>(value.Count, StringComparer.Ordinal);
            foreach (var definition in value)
            {
                byName.TryAdd(definition.Name, definition);
            }

            _fieldsByName = byName;
        }
    }

    /// <summary>The interfaces this type implements, in definition order.</summary>
    public IReadOnlyList<InterfaceType> Interfaces { get; internal set; } = [];

    /// <summary>Finds a field by name, or null. Does not know the meta-fields <c>__typename</c>, <c>__schema</c>, <c>__type</c>.</summary>
    public FieldDefinition? GetField(string name) => _fieldsByName.GetValueOrDefault(name);

    public bool TryGetField(string name, out FieldDefinition field) => _fieldsByName.TryGetValue(name, out field!);

    /// <summary>True when this type declares <paramref name="interfaceType"/> among its interfaces.</summary>
    public bool Implements(InterfaceType interfaceType)
    {
        foreach (var candidate in Interfaces)
        {
            if (ReferenceEquals(candidate, interfaceType))
            {
                return true;
            }
        }

        return false;
    }
}
