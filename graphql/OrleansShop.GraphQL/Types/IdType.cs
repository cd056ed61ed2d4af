using System.Globalization;
using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Types;

/// <summary>The built-in <c>ID</c>: accepts strings and integers, and always serializes as a string.</summary>
internal sealed class IdType : ScalarType
{
    public static readonly IdType Instance = new();

    private IdType()
        : base("ID", "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.")
    {
        IsSpecified = true;
    }

    public override object Serialize(object value) => value switch
    {
        string => value,
        int or long or short or uint or ulong => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        double d when double.IsFinite(d) && Math.Truncate(d) == d => d.ToString("F0", CultureInfo.InvariantCulture),
        _ => throw new ValueCoercionException($"ID cannot represent value: {ValueInspector.Inspect(value)}"),
    };

    public override object ParseValue(object value) => value switch
    {
        string => value,
        int or long => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) && Math.Truncate(d) == d && Math.Abs(d) < 9e15 => d.ToString("F0", CultureInfo.InvariantCulture),
        _ => throw new ValueCoercionException($"ID cannot represent value: {ValueInspector.Inspect(value)}"),
    };

    public override object ParseLiteral(ScalarLiteral literal) =>
        literal.Kind is ScalarLiteralKind.String or ScalarLiteralKind.Int
            ? literal.Text
            : throw new ValueCoercionException($"ID cannot represent a non-string and non-integer value: {literal}");
}
