using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Types;

/// <summary>The built-in <c>Boolean</c>. Input accepts only <c>true</c> and <c>false</c>.</summary>
internal sealed class BooleanType : ScalarType
{
    public static readonly BooleanType Instance = new();

    private static readonly object True = true;
    private static readonly object False = false;

    private BooleanType()
        : base("Boolean", "The `Boolean` scalar type represents `true` or `false`.")
    {
        IsSpecified = true;
    }

    public override object Serialize(object value) => value switch
    {
        bool => value,
        int i => i != 0 ? True : False,
        long l => l != 0 ? True : False,
        double d when double.IsFinite(d) => d != 0 ? True : False,
        _ => throw new ValueCoercionException($"Boolean cannot represent a non boolean value: {ValueInspector.Inspect(value)}"),
    };

    public override object ParseValue(object value) =>
        value is bool ? value : throw new ValueCoercionException($"Boolean cannot represent a non boolean value: {ValueInspector.Inspect(value)}");

    public override object ParseLiteral(ScalarLiteral literal) =>
        literal.Kind == ScalarLiteralKind.Boolean
            ? literal.Text == "true" ? True : False
            : throw new ValueCoercionException($"Boolean cannot represent a non boolean value: {literal}");
}
