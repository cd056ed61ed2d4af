using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Tests.Types;

public sealed class ScalarCoercionTests
{
    [Fact]
    public void Int_serializes_integral_values_and_refuses_values_beyond_32_bits()
    {
        Assert.Equal(1, ScalarType.Int.Serialize(1.0));
        Assert.Equal(123, ScalarType.Int.Serialize("123"));
        Assert.Equal(int.MaxValue, ScalarType.Int.Serialize((long)int.MaxValue));
        var error = Assert.Throws<ValueCoercionException>(() => ScalarType.Int.Serialize(2147483648L));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 2147483648", error.Message);
        Assert.Throws<ValueCoercionException>(() => ScalarType.Int.Serialize(1.5));
    }

    [Fact]
    public void Int_input_refuses_strings_fractions_and_2_pow_31()
    {
        Assert.Equal(7, ScalarType.Int.ParseValue(7.0));
        Assert.Equal("Int cannot represent non-integer value: \"123\"", Assert.Throws<ValueCoercionException>(() => ScalarType.Int.ParseValue("123")).Message);
        Assert.Throws<ValueCoercionException>(() => ScalarType.Int.ParseValue(1.5));
        Assert.Throws<ValueCoercionException>(() => ScalarType.Int.ParseValue(2147483648L));
        Assert.Throws<ValueCoercionException>(() => ScalarType.Int.ParseValue(true));
    }

    [Fact]
    public void Int_literal_must_be_an_int_literal_in_range()
    {
        Assert.Equal(-2147483648, ScalarType.Int.ParseLiteral(new ScalarLiteral(ScalarLiteralKind.Int, "-2147483648")));
        Assert.Throws<ValueCoercionException>(() => ScalarType.Int.ParseLiteral(new ScalarLiteral(ScalarLiteralKind.Float, "1.0")));
        Assert.Throws<ValueCoercionException>(() => ScalarType.Int.ParseLiteral(new ScalarLiteral(ScalarLiteralKind.Int, "2147483648")));
        Assert.Throws<ValueCoercionException>(() => ScalarType.Int.ParseLiteral(new ScalarLiteral(ScalarLiteralKind.String, "1")));
    }

    [Fact]
    public void Float_accepts_ints_and_refuses_non_finite_values_and_strings()
    {
        Assert.Equal(1d, ScalarType.Float.ParseValue(1));
        Assert.Equal(2.5d, ScalarType.Float.ParseLiteral(new ScalarLiteral(ScalarLiteralKind.Float, "2.5")));
        Assert.Throws<ValueCoercionException>(() => ScalarType.Float.Serialize(double.NaN));
        Assert.Throws<ValueCoercionException>(() => ScalarType.Float.ParseValue("1.5"));
    }

    [Fact]
    public void String_and_Boolean_inputs_accept_only_their_own_kind()
    {
        Assert.Equal("true", ScalarType.String.Serialize(true));
        Assert.Throws<ValueCoercionException>(() => ScalarType.String.ParseValue(1));
        Assert.Throws<ValueCoercionException>(() => ScalarType.Boolean.ParseValue(1));
        Assert.Throws<ValueCoercionException>(() => ScalarType.String.ParseLiteral(new ScalarLiteral(ScalarLiteralKind.Enum, "RED")));
    }

    [Fact]
    public void ID_accepts_strings_and_integers_and_serializes_as_string()
    {
        Assert.Equal("4", ScalarType.ID.ParseValue(4));
        Assert.Equal("4", ScalarType.ID.ParseLiteral(new ScalarLiteral(ScalarLiteralKind.Int, "4")));
        Assert.Equal("17", ScalarType.ID.Serialize(17L));
        Assert.Throws<ValueCoercionException>(() => ScalarType.ID.ParseValue(true));
        Assert.Throws<ValueCoercionException>(() => ScalarType.ID.ParseLiteral(new ScalarLiteral(ScalarLiteralKind.Float, "1.5")));
    }

    [Fact]
    public void DateTime_round_trips_with_its_offset_and_refuses_local_times()
    {
        var value = (DateTimeOffset)ScalarType.DateTime.ParseValue("2026-11-22T10:15:30+01:00");
        Assert.Equal(TimeSpan.FromHours(1), value.Offset);
        Assert.Equal("2026-11-22T10:15:30.000+01:00", ScalarType.DateTime.Serialize(value));
        Assert.Equal("2026-11-22T09:15:30.000+00:00", ScalarType.DateTime.Serialize(value.UtcDateTime));
        Assert.Throws<ValueCoercionException>(() => ScalarType.DateTime.ParseValue("2026-11-22T10:15:30"));
        Assert.Throws<ValueCoercionException>(() => ScalarType.DateTime.Serialize(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local)));
    }

    [Fact]
    public void Decimal_is_exact_and_serialized_as_a_string()
    {
        Assert.Equal("0.30", ScalarType.Decimal.Serialize(0.10m + 0.20m));
        Assert.Equal(19.99m, ScalarType.Decimal.ParseValue("19.99"));
        Assert.Equal(0.1m, ScalarType.Decimal.ParseLiteral(new ScalarLiteral(ScalarLiteralKind.Float, "0.1")));
        Assert.Throws<ValueCoercionException>(() => ScalarType.Decimal.ParseValue("abc"));
    }

    [Fact]
    public void Custom_scalar_from_delegates_coerces_both_ways()
    {
        var cents = ScalarType.Create("Cents", v => (long)v * 1, v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(250L, cents.ParseLiteral(new ScalarLiteral(ScalarLiteralKind.Int, "250")));
        Assert.Equal(250L, cents.Serialize(250L));
    }
}
