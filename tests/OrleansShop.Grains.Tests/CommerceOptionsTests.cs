using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrleansShop.Grains.Tests;

public sealed class CommerceOptionsTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddCommerceOptions(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Settings_bind_from_configuration_and_default_otherwise()
    {
        using var services = Services(("OrleansShop:Checkout:ReservationTimeout", "00:05:00"), ("OrleansShop:Cart:MaxQuantityPerLine", "10"));

        var orders = services.GetRequiredService<IOptions<OrderOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(5), orders.ReservationTimeout);
        Assert.Equal(5.00m, orders.ShippingFlatRate);
        Assert.Equal(10, services.GetRequiredService<IOptions<CartOptions>>().Value.MaxQuantityPerLine);
        Assert.Equal(TimeSpan.FromDays(30), services.GetRequiredService<IOptions<CustomerOptions>>().Value.RefreshTokenLifetime);
    }

    [Fact]
    public void Invalid_settings_are_refused_with_the_setting_named()
    {
        using var services = Services(("OrleansShop:Checkout:ReservationTimeout", "-00:00:01"), ("OrleansShop:Cart:DefaultCurrency", "dollars"));

        var orders = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<OrderOptions>>().Value);
        var cart = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CartOptions>>().Value);

        Assert.Contains("ReservationTimeout", orders.Message, StringComparison.Ordinal);
        Assert.Contains("DefaultCurrency", cart.Message, StringComparison.Ordinal);
    }
}
