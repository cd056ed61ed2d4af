using System.Globalization;
using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Types;

/// <summary>The built-in <c>String</c>. Input accepts only strings; results also accept booleans, numbers and characters.</summary>
internal sealed class StringType : ScalarType
{
    public static readonly StringType Instance = new();

    private StringType()
        : base("String", "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.")
    {
        IsSpecified = true;
    }

    public override object Serialize(object value) => value switch
    {
        string => value,
        bool b => b ? "true" : "false",
        char c => c.ToString(),
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        int or long or decimal or short or byte or sbyte or ushort or uint or ulong => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        Guid g => g.ToString(),
        _ => throw new ValueCoercionException($"String cannot represent value: {ValueInspector.Inspect(value)}"),
    };

    public override object ParseValue(object value) =>
        value as string ?? throw new ValueCoercionException($"String cannot represent a non string value: {ValueInspector.Inspect(value)}");

    public override object ParseLiteral(ScalarLiteral literal) =>
        literal.Kind == ScalarLiteralKind.String
            ? literal.Text
            : throw new ValueCoercionException($"String cannot represent a non string value: {literal}");
}
