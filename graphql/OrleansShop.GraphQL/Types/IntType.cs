using System.Globalization;
using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Types;

/// <summary>The built-in <c>Int</c>: a signed 32-bit integer; anything outside that range or fractional is refused, never rounded.</summary>
internal sealed class IntType : ScalarType
{
    public static readonly IntType Instance = new();

    private IntType()
        : base("Int", "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.")
    {
        IsSpecified = true;
    }

    public override object Serialize(object value)
    {
        switch (value)
        {
            case int:
                return value;
            case bool b:
                return b ? 1 : 0;
            case string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return FromDouble(parsed, value);
            case string:
                throw NonInteger(value);
            default:
                return FromNumber(value) ?? throw NonInteger(value);
        }
    }

    public override object ParseValue(object value)
    {
        if (value is int)
        {
            return value;
        }

        if (value is bool or string or char)
        {
            throw NonInteger(value);
        }

        return FromNumber(value) ?? throw NonInteger(value);
    }

    public override object ParseLiteral(ScalarLiteral literal)
    {
        if (literal.Kind != ScalarLiteralKind.Int)
        {
            throw new ValueCoercionException($"Int cannot represent non-integer value: {literal}");
        }

        if (!int.TryParse(literal.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
        {
            throw new ValueCoercionException($"Int cannot represent non 32-bit signed integer value: {literal.Text}");
        }

        return result;
    }

    private static object? FromNumber(object value) => value switch
    {
        long l => l is >= int.MinValue and <= int.MaxValue ? (int)l : throw NotInRange(value),
        short or sbyte or byte or ushort => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        uint u => u <= int.MaxValue ? (int)u : throw NotInRange(value),
        ulong ul => ul <= int.MaxValue ? (int)ul : throw NotInRange(value),
        double d => FromDouble(d, value),
        float f => FromDouble(f, value),
        decimal m => decimal.Truncate(m) == m ? (m is >= int.MinValue and <= int.MaxValue ? (int)m : throw NotInRange(value)) : throw NonInteger(value),
        _ => null,
    };

    private static int FromDouble(double d, object original)
    {
        if (!double.IsFinite(d) || Math.Truncate(d) != d)
        {
            throw NonInteger(original);
        }

        if (d is > int.MaxValue or < int.MinValue)
        {
            throw NotInRange(original);
        }

        return (int)d;
    }

    private static ValueCoercionException NonInteger(object value) =>
        new($"Int cannot represent non-integer value: {ValueInspector.Inspect(value)}");

    private static ValueCoercionException NotInRange(object value) =>
        new($"Int cannot represent non 32-bit signed integer value: {ValueInspector.Inspect(value)}");
}
