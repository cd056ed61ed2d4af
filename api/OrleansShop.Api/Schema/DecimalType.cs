using System.Globalization;
using System.Text.Json;
using HotChocolate.Features;
using HotChocolate.Language;
using HotChocolate.Text.Json;

namespace OrleansShop.Api.Schema;

/// <summary>
/// The contract's <c>Decimal</c>: an exact amount written as a JSON string (<c>"19.99"</c>), because most clients read a
/// JSON number as binary floating point. Input is a string, or an int or float literal read from its exact digits.
/// HotChocolate's own Decimal is a JSON number, so this one takes its name.
/// </summary>
internal sealed class DecimalType : ScalarType<decimal>
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public DecimalType()
        : base("Decimal", BindingBehavior.Explicit)
    {
    }

    public override ScalarSerializationType SerializationType => ScalarSerializationType.String;

    public override bool IsValueCompatible(IValueNode valueLiteral) => valueLiteral is StringValueNode or IntValueNode or FloatValueNode;

    public override bool IsValueCompatible(JsonElement inputValue) => inputValue.ValueKind is JsonValueKind.String or JsonValueKind.Number;

    public override object CoerceInputLiteral(IValueNode valueLiteral) => valueLiteral switch
    {
        StringValueNode s when TryParse(s.Value, out var m) => m,
        IntValueNode i when TryParse(i.Value, out var m) => m,
        FloatValueNode f when TryParse(f.Value, out var m) => m,
        _ => throw NotADecimal(),
    };

    public override object CoerceInputValue(JsonElement inputValue, IFeatureProvider context) => inputValue.ValueKind switch
    {
        JsonValueKind.String when TryParse(inputValue.GetString(), out var m) => m,
        JsonValueKind.Number when TryParse(inputValue.GetRawText(), out var m) => m,
        _ => throw NotADecimal(),
    };

    protected override void OnCoerceOutputValue(decimal runtimeValue, ResultElement resultValue) =>
        resultValue.SetStringValue(runtimeValue.ToString(CultureInfo.InvariantCulture), false);

    protected override IValueNode OnValueToLiteral(decimal runtimeValue) => new StringValueNode(runtimeValue.ToString(CultureInfo.InvariantCulture));

    private LeafCoercionException NotADecimal() => new("Decimal cannot represent this value: give a number or a string such as \"19.99\".", this, null!);

    private static bool TryParse(string? text, out decimal value) => decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out value);
}
