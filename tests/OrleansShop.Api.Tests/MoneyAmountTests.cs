using OrleansShop.Api.Schema;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Tests;

public sealed class MoneyAmountTests
{
    [Theory]
    [InlineData("0", "USD", "0.00")]
    [InlineData("5", "EUR", "5.00")]
    [InlineData("5.5", "CNY", "5.50")]
    [InlineData("5.000", "USD", "5.00")]
    [InlineData("1200", "JPY", "1200")]
    [InlineData("1200.00", "JPY", "1200")]
    [InlineData("1.5", "KWD", "1.500")]
    [InlineData("-3", "usd", "-3.00")]
    public void An_amount_is_written_with_its_currencys_minor_digits(string amount, string currency, string expected)
    {
        var money = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency);

        Assert.Equal(expected, MoneyResolvers.WithMinorDigits(money).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Digits_beyond_the_minor_unit_are_kept_so_the_amount_shown_is_the_amount_charged()
    {
        Assert.Equal(19.995m, MoneyResolvers.WithMinorDigits(new Money(19.995m, "USD")));
    }
}
