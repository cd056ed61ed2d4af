using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansShop.Grains;

namespace OrleansShop.Silo.Hosting.Payments;

public static class PaymentGatewayServiceCollectionExtensions
{
    /// <summary>
    /// The order grains' payment gateway over the sandbox's HTTP API (<c>OrleansShop:Payments:Sandbox</c>). Every silo
    /// needs it, since any silo may run an order grain; the sandbox itself is mounted by the API.
    /// </summary>
    public static IServiceCollection AddSandboxPaymentGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SandboxOptions>()
            .Bind(configuration.GetSection(SandboxOptions.Section))
            .Validate(o => o.BaseUrl is null || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), $"{SandboxOptions.Section}:BaseUrl must be an absolute URL.")
            .Validate(o => o.SignatureTolerance > TimeSpan.Zero && o.RedeliveryInterval > TimeSpan.Zero, $"{SandboxOptions.Section} intervals must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SandboxSecret>();
        services.TryAddSingleton<SandboxAddress>();
        services.AddHttpClient(SandboxApi.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.TryAddSingleton<IPaymentGateway, SandboxPaymentGateway>();
        return services;
    }
}
