using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains.Tests;

/// <summary>The pure rules, without a silo.</summary>
public sealed class DomainRuleTests
{
    [Theory]
    [InlineData("Red Shoes, Size 9", "red-shoes-size-9")]
    [InlineData("  Crème brûlée!  ", "creme-brulee")]
    [InlineData("***", "")]
    public void Slug_from_name(string name, string slug) => Assert.Equal(slug, Slug.FromName(name));

    [Theory]
    [InlineData("red-shoes", true)]
    [InlineData("Red-shoes", false)]
    [InlineData("red--shoes", false)]
    [InlineData("-red", false)]
    [InlineData("", false)]
    public void Slug_validity(string slug, bool valid) => Assert.Equal(valid, Slug.IsValid(slug));

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("ada@localhost", false)]
    [InlineData("ada@@example.com", false)]
    [InlineData("ada example@example.com", false)]
    [InlineData("@example.com", false)]
    public void Email_validity(string email, bool valid) => Assert.Equal(valid, EmailAddress.IsValid(email));

    [Fact]
    public void Password_policy_accepts_ten_characters_that_are_not_the_email()
    {
        Assert.Null(PasswordPolicy.Check("0123456789", "ada@example.com", "password"));
        Assert.Equal(ErrorCode.WeakPassword, PasswordPolicy.Check("012345678", "ada@example.com", "password")!.Code);
        Assert.Equal(ErrorCode.WeakPassword, PasswordPolicy.Check(" Ada@Example.com ", "ada@example.com", "password")!.Code);
        Assert.Equal(ErrorCode.WeakPassword, PasswordPolicy.Check(new string('x', 257), "ada@example.com", "password")!.Code);
    }

    [Fact]
    public void Money_adds_exactly_and_refuses_to_mix_currencies()
    {
        Assert.Equal(new Money(0.3m, "USD"), new Money(0.1m, "USD") + new Money(0.2m, "USD"));
        Assert.Equal(new Money(59.97m, "EUR"), new Money(19.99m, "EUR") * 3);
        Assert.Throws<InvalidOperationException>(() => new Money(1m, "USD") + new Money(1m, "EUR"));
        Assert.True(Money.IsCurrencyCode("USD"));
        Assert.False(Money.IsCurrencyCode("usd"));
    }

    [Theory]
    [InlineData(49.99, 5.00)]
    [InlineData(50.00, 0)]
    public void Shipping_is_flat_below_the_threshold_and_free_from_it(decimal subtotal, decimal shipping) =>
        Assert.Equal(new Money(shipping, "USD"), new OrderOptions().ShippingFor(new Money(subtotal, "USD")));

    [Fact]
    public void Shipping_is_never_free_without_a_threshold() =>
        Assert.Equal(new Money(7m, "USD"), new OrderOptions { FreeShippingFrom = null, ShippingFlatRate = 7m }.ShippingFor(new Money(1000m, "USD")));

    [Fact]
    public void Order_ids_follow_from_cart_and_key()
    {
        Assert.Equal(OrderIds.ForCheckout("cart", "key"), OrderIds.ForCheckout("cart", "key"));
        Assert.NotEqual(OrderIds.ForCheckout("cart", "key"), OrderIds.ForCheckout("cart", "key2"));
        Assert.NotEqual(OrderIds.ForCheckout("cart", "key"), OrderIds.ForCheckout("cart2", "key"));
    }

    [Theory]
    [InlineData("c1.secret", "c1")]
    [InlineData("a.b.secret", "a.b")]
    [InlineData("nosecret", null)]
    [InlineData(".secret", null)]
    [InlineData("c1.", null)]
    public void Refresh_tokens_name_their_customer(string token, string? customerId) =>
        Assert.Equal(customerId, RefreshTokens.CustomerIdOf(token));

    [Fact]
    public void Review_ids_name_their_product() => Assert.Equal("p1", ReviewIds.ProductIdOf(ReviewIds.Create("p1", 7)));

    [Fact]
    public void Rating_average_is_derived_from_exact_totals()
    {
        Assert.Null(new RatingSummary(0, 0).Average);
        Assert.Equal(4.5, new RatingSummary(2, 9).Average);
    }
}
