using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansShop.Grains;

/// <summary>
/// Settings of the commerce grains for a silo's services: <c>services.AddCommerceOptions(configuration)</c> binds
/// OrleansShop:Checkout, OrleansShop:Cart and OrleansShop:Customers and validates them when the host starts. The host
/// also registers an <see cref="IPaymentGateway"/>, and the grains with <c>AddGrains(typeof(IPaymentGateway).Assembly)</c>.
/// </summary>
public static class CommerceServiceCollectionExtensions
{
    public const string CheckoutSection = "OrleansShop:Checkout";
    public const string CartSection = "OrleansShop:Cart";
    public const string CustomersSection = "OrleansShop:Customers";

    public static IServiceCollection AddCommerceOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OrderOptions>()
            .Bind(configuration.GetSection(CheckoutSection))
            .Validate(o => o.ReservationTimeout > TimeSpan.Zero, "OrderOptions.ReservationTimeout must be positive.")
            .Validate(o => o.ReminderPeriod > TimeSpan.Zero, "OrderOptions.ReminderPeriod must be positive.")
            .Validate(o => o.ShippingFlatRate >= 0 && o.FreeShippingFrom is null or >= 0, "OrderOptions shipping amounts must not be negative.")
            .ValidateOnStart();
        services.AddOptions<CartOptions>()
            .Bind(configuration.GetSection(CartSection))
            .Validate(o => o.MaxQuantityPerLine > 0 && o.MaxLines > 0, "CartOptions limits must be positive.")
            .Validate(o => GrainInterfaces.Money.IsCurrencyCode(o.DefaultCurrency), "CartOptions.DefaultCurrency must be an ISO-4217 code.")
            .ValidateOnStart();
        services.AddOptions<CustomerOptions>()
            .Bind(configuration.GetSection(CustomersSection))
            .Validate(o => o.RefreshTokenLifetime > TimeSpan.Zero, "CustomerOptions.RefreshTokenLifetime must be positive.")
            .Validate(o => o.MaxAddresses > 0, "CustomerOptions.MaxAddresses must be positive.")
            .ValidateOnStart();
        return services;
    }
}
