using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansShop.ReadModels.Notifications;

namespace OrleansShop.Silo.Hosting.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// The order mailer (<see cref="OrderMailer"/>) when <c>OrleansShop:Mail:Host</c> is set and the silo has the
    /// notification outbox; otherwise nothing, and notifications wait in the outbox. Every silo of a cluster may run it:
    /// claims keep two silos from sending one notification at once. Bad settings fail the start, naming the keys.
    /// </summary>
    public static IServiceCollection AddOrderMailer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(MailSettings.Section);
        var settings = section.Get<MailSettings>() ?? new MailSettings();
        if (!settings.IsConfigured || !services.Any(s => s.ServiceType == typeof(OrderNotificationOutbox)))
        {
            return services;
        }

        var problems = settings.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        services.AddOptions<MailSettings>().Bind(section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<OrderMailer>();
        return services;
    }
}
