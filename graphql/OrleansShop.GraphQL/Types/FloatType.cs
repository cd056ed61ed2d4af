using System.Globalization;
using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Types;

/// <summary>The built-in <c>Float</c>: a finite IEEE 754 double; NaN and infinities are refused.</summary>
internal sealed class FloatType : ScalarType
{
    public static readonly FloatType Instance = new();

    private FloatType()
        : base("Float", "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).")
    {
        IsSpecified = true;
    }

    public override object Serialize(object value)
    {
        switch (value)
        {
            case double d:
                return double.IsFinite(d) ? value : throw NonNumeric(value);
            case bool b:
                return b ? 1d : 0d;
            case string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed):
                return parsed;
            default:
                return FromNumber(value) ?? throw NonNumeric(value);
        }
    }

    public override object ParseValue(object value)
    {
        if (value is bool or string or char)
        {
            throw NonNumeric(value);
        }

        return FromNumber(value) ?? throw NonNumeric(value);
    }

    public override object ParseLiteral(ScalarLiteral literal)
    {
        if (literal.Kind is not (ScalarLiteralKind.Int or ScalarLiteralKind.Float))
        {
            throw new ValueCoercionException($"Float cannot represent non numeric value: {literal}");
        }

        return double.Parse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static object? FromNumber(object value)
    {
        double? d = value switch
        {
            double x => x,
            float x => x,
            int x => x,
            long x => x,
            decimal x => (double)x,
            short or sbyte or byte or ushort or uint or ulong => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => null,
        };
        return d is { } finite && double.IsFinite(finite) ? finite : d is null ? null : throw NonNumeric(value);
    }

    private static ValueCoercionException NonNumeric(object value) =>
        new($"Float cannot represent non numeric value: {ValueInspector.Inspect(value)}");
}
