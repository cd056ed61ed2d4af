using OrleansShop.Silo.Hosting.Payments;

namespace OrleansShop.Api.Payments;

public static class PaymentServiceCollectionExtensions
{
    /// <summary>The payment sandbox mounted in this app (its books and notifier), and the gateway to it for the co-hosted silo.</summary>
    public static IServiceCollection AddSandboxPayments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSandboxPaymentGateway(configuration);
        services.AddSingleton<SandboxLedger>();
        services.AddSingleton<SandboxNotifier>();
        services.AddHostedService(s => s.GetRequiredService<SandboxNotifier>());
        return services;
    }

    /// <summary>
    /// The sandbox's endpoints (/sandbox/payments/...) and the shop's payment webhook; the webhook secrets are resolved now,
    /// so a missing or short one fails start-up.
    /// </summary>
    public static IEndpointRouteBuilder MapSandboxPayments(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.ServiceProvider.GetRequiredService<SandboxSecret>();
        app.MapSandboxEndpoints();
        app.MapPaymentWebhook();
        return app;
    }
}
