using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansShop.Grains;

namespace OrleansShop.Api.Payments;

public static class PaymentServiceCollectionExtensions
{
    /// <summary>The payment sandbox mounted in this app, and the order grains' payment gateway over its HTTP API.</summary>
    public static IServiceCollection AddSandboxPayments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SandboxOptions>()
            .Bind(configuration.GetSection(SandboxOptions.Section))
            .Validate(o => o.BaseUrl is null || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), $"{SandboxOptions.Section}:BaseUrl must be an absolute URL.")
            .Validate(o => o.SignatureTolerance > TimeSpan.Zero && o.RedeliveryInterval > TimeSpan.Zero, $"{SandboxOptions.Section} intervals must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SandboxSecret>();
        services.AddSingleton<SandboxAddress>();
        services.AddSingleton<SandboxLedger>();
        services.AddSingleton<SandboxNotifier>();
        services.AddHostedService(s => s.GetRequiredService<SandboxNotifier>());
        services.AddHttpClient(SandboxNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<IPaymentGateway, SandboxPaymentGateway>();
        return services;
    }

    /// <summary>The sandbox's endpoints (/sandbox/payments/...) and the shop's payment webhook.</summary>
    public static IEndpointRouteBuilder MapSandboxPayments(this IEndpointRouteBuilder app)
    {
        app.MapSandboxEndpoints();
        app.MapPaymentWebhook();
        return app;
    }
}
