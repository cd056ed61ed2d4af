namespace OrleansShop.GraphQL.Types;

/// <summary>
/// An input object type (spec 3.10 Input Objects). A <c>@oneOf</c> input object takes exactly one non-null field.
/// Coerced values are instances of <see cref="RuntimeType"/> when bound, otherwise read-only dictionaries of the given fields.
/// </summary>
public sealed class InputObjectType : NamedType
{
    private Dictionary<string, InputValueDefinition> _fieldsByName = [];
    private IReadOnlyList<InputValueDefinition> _fields = [];

    internal InputObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.InputObject;

    public IReadOnlyList<InputValueDefinition> Fields
    {
        get => _fields;
        internal set
        {
            _fields = value;
            var byName = new Dictionary<string, InputValueDefinition>(StringComparer.Ordinal);
            foreach (var definition in value)
            {
                byName.TryAdd(definition.Name, definition);
            }

            _fieldsByName = byName;
        }
    }

    /// <summary>True for a OneOf input object (<c>@oneOf</c>): exactly one field must be given, and it must not be null.</summary>
    public bool IsOneOf { get; internal set; }

    /// <summary>The CLR type coerced values are bound to, if any.</summary>
    public Type? RuntimeType { get; internal set; }

    /// <summary>Creates the CLR value from the coerced fields; set when <see cref="RuntimeType"/> is.</summary>
    internal Func<IReadOnlyDictionary<string, object?>, object>? Binder { get; set; }

    public InputValueDefinition? GetField(string name) => _fieldsByName.GetValueOrDefault(name);

    public bool TryGetField(string name, out InputValueDefinition field) => _fieldsByName.TryGetValue(name, out field!);
}
