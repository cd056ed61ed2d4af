using System.Globalization;
using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Types;

/// <summary>
/// The custom scalar <c>Decimal</c>: an exact decimal number (money). It serializes as a JSON string
/// (<c>"19.99"</c>) because JSON numbers are read as binary floating point by most clients.
/// Input accepts a string, an int or a float literal (read from its exact digits).
/// </summary>
internal sealed class DecimalType : ScalarType
{
    public static readonly DecimalType Instance = new();

    private DecimalType()
        : base("Decimal", "The `Decimal` scalar represents an exact signed decimal number, serialized as a string such as \"19.99\".")
    {
    }

    public override object Serialize(object value) => value switch
    {
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int or long or short or byte => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        string s when TryParse(s, out var m) => m.ToString(CultureInfo.InvariantCulture),
        _ => throw new ValueCoercionException($"Decimal cannot represent value: {ValueInspector.Inspect(value)}"),
    };

    public override object ParseValue(object value) => value switch
    {
        decimal => value,
        string s when TryParse(s, out var m) => m,
        int i => (decimal)i,
        long l => (decimal)l,
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
        _ => throw new ValueCoercionException($"Decimal cannot represent value: {ValueInspector.Inspect(value)}"),
    };

    public override object ParseLiteral(ScalarLiteral literal) =>
        literal.Kind is ScalarLiteralKind.String or ScalarLiteralKind.Int or ScalarLiteralKind.Float && TryParse(literal.Text, out var m)
            ? m
            : throw new ValueCoercionException($"Decimal cannot represent value: {literal}");

    private static bool TryParse(string s, out decimal value) =>
        decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
}
