using System.Text;
using Microsoft.Extensions.Options;
using OrleansShop.Silo.Hosting.Payments;

namespace OrleansShop.Api.Payments;

/// <summary>
/// Delivers the sandbox's signed notifications to the shop's webhook: at once when a redirect payment is settled, and
/// again in the background until the shop acknowledges each one (also after a restart, from the ledger).
/// </summary>
internal sealed partial class SandboxNotifier(
    SandboxLedger ledger,
    SandboxSecret secret,
    SandboxAddress address,
    IHttpClientFactory clients,
    IOptions<SandboxOptions> options,
    TimeProvider clock,
    ILogger<SandboxNotifier> logger) : BackgroundService
{

    /// <summary>Sends what is undelivered for the charge (all charges when null); failures stay queued for the next round.</summary>
    public async Task DeliverAsync(string? chargeId, CancellationToken cancellationToken)
    {
        foreach (var (id, body) in await ledger.UndeliveredAsync(chargeId, cancellationToken))
        {
            var delivered = false;
            try
            {
                var bytes = Encoding.UTF8.GetBytes(body);
                using var request = new HttpRequestMessage(HttpMethod.Post, address.Combine(PaymentWebhookEndpoint.Path))
                {
                    Content = new ByteArrayContent(bytes),
                };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret.Bytes, clock.GetUtcNow(), bytes));
                using var response = await clients.CreateClient(SandboxApi.HttpClientName).SendAsync(request, cancellationToken);
                delivered = response.IsSuccessStatusCode;
                if (!delivered)
                {
                    LogRefused(id, (int)response.StatusCode);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogUnreachable(e, id);
            }

            await ledger.RecordDeliveryAsync(id, delivered, CancellationToken.None);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RedeliveryInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DeliverAsync(null, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment sandbox: the shop refused notification {NotificationId} with status {Status}; it will be sent again")]
    private partial void LogRefused(long notificationId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment sandbox: notification {NotificationId} could not be delivered; it will be sent again")]
    private partial void LogUnreachable(Exception exception, long notificationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment sandbox: a redelivery round failed")]
    private partial void LogRoundFailed(Exception exception);
}
