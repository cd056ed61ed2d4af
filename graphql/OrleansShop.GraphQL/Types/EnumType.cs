using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Types;

/// <summary>An enum type (spec 3.9 Enums). Values serialize as their names; input must name a value.</summary>
public sealed class EnumType : NamedType
{
    private Dictionary<string, EnumValueDefinition> _byName = [];
    private Dictionary<object, EnumValueDefinition> _byValue = [];
    private IReadOnlyList<EnumValueDefinition> _values = [];

    internal EnumType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Enum;

    /// <summary>The CLR enum the values map to, if bound.</summary>
    public Type? RuntimeType { get; internal set; }

    public IReadOnlyList<EnumValueDefinition> Values
    {
        get => _values;
        internal set
        {
            _values = value;
            _byName = new Dictionary<string, EnumValueDefinition>(StringComparer.Ordinal);
            _byValue = [];
            foreach (var item in value)
            {
                _byName.TryAdd(item.Name, item);
                _byValue.TryAdd(item.Value, item);
            }
        }
    }

    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Result coercion: the name of the value whose internal value is <paramref name="value"/>. A string naming a value is accepted too.</summary>
    public string Serialize(object value)
    {
        if (_byValue.TryGetValue(value, out var definition))
        {
            return definition.Name;
        }

        if (value is string name && _byName.ContainsKey(name))
        {
            return name;
        }

        throw new ValueCoercionException($"Enum \"{Name}\" cannot represent value: {ValueInspector.Inspect(value)}");
    }

    /// <summary>Input coercion of a variable value: a string naming one of the values.</summary>
    public object ParseValue(object value)
    {
        if (value is not string name)
        {
            throw new ValueCoercionException($"Enum \"{Name}\" cannot represent non-string value: {ValueInspector.Inspect(value)}.");
        }

        if (!_byName.TryGetValue(name, out var definition))
        {
            throw new ValueCoercionException(
                $"Value {ValueInspector.Inspect(value)} does not exist in \"{Name}\" enum."
                + Validation.Suggestions.DidYouMean(Validation.Suggestions.List(name, _byName.Keys), "the enum value"));
        }

        return definition.Value;
    }
}
