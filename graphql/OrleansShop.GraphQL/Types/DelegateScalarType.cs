namespace OrleansShop.GraphQL.Types;

/// <summary>A custom scalar whose coercion is given as delegates (<see cref="ScalarType.Create"/>).</summary>
internal sealed class DelegateScalarType(
    string name,
    string? description,
    string? specifiedByUrl,
    Func<object, object> serialize,
    Func<object, object> parseValue) : ScalarType(name, description, specifiedByUrl)
{
    public override object Serialize(object value) => serialize(value);

    public override object ParseValue(object value) => parseValue(value);
}
