using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansShop.ReadModels.Notifications;

namespace OrleansShop.Silo.Hosting.Mail;

/// <summary>
/// Drains the notification outbox over SMTP: claims a bounded batch of due notifications, sends each over one
/// connection, and marks it sent only after the server accepted it, so a crash in between sends it again (with the same
/// Message-Id) rather than never. A server that cannot be reached puts the batch back without using up attempts and
/// waits longer each time; a refused message is retried later, with a delay that doubles, until
/// <see cref="MailSettings.MaxAttempts"/>, then kept as failed and logged as an error. A permanent refusal of the
/// recipient or message (5xx) fails it at once. An administrator sees failed mails and may put one back in the queue
/// (GraphQL <c>orderMails</c>, <c>retryOrderMail</c>); the mailer then claims it like any other due notification.
/// </summary>
internal sealed partial class OrderMailer(
    OrderNotificationOutbox outbox,
    IOptionsMonitor<MailSettings> options,
    TimeProvider clock,
    ILogger<OrderMailer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var serverDelay = TimeSpan.Zero;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Read each round, so a password rotated in Key Vault is used from the next batch on.
                var settings = options.CurrentValue;
                IReadOnlyList<PendingOrderNotification> batch;
                try
                {
                    batch = await outbox.ClaimDueAsync(settings.BatchSize, settings.Lease, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogOutboxUnavailable(e, settings.RetryDelay);
                    await Task.Delay(settings.RetryDelay, clock, stoppingToken);
                    continue;
                }

                if (batch.Count == 0)
                {
                    await Task.Delay(settings.PollInterval, clock, stoppingToken);
                    continue;
                }

                if (await SendAsync(batch, settings, stoppingToken))
                {
                    serverDelay = TimeSpan.Zero;
                }
                else
                {
                    serverDelay = serverDelay == TimeSpan.Zero ? settings.RetryDelay : Min(serverDelay * 2, settings.MaxRetryDelay);
                    await Task.Delay(serverDelay, clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a batch claimed and not sent is due again when its lease ends.
        }
    }

    /// <returns>False when the server could not be reached or the connection broke (the rest of the batch is put back).</returns>
    private async Task<bool> SendAsync(IReadOnlyList<PendingOrderNotification> batch, MailSettings settings, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, SocketOptions(settings.Tls), cancellationToken);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var retryAt = clock.GetUtcNow() + (settings.RetryDelay < settings.PollInterval ? settings.PollInterval : settings.RetryDelay);
            LogServerUnavailable(e, settings.Host!, settings.Port, batch.Count);
            await PutBackAsync(batch, retryAt);
            return false;
        }

        var sender = settings.Sender;
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            var notification = pending.Notification;
            MimeKit.MimeMessage message;
            try
            {
                message = OrderMailComposer.Compose(pending, sender);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing reached the server: a notification this version cannot write (a bad recipient address).
                await RecordFailedAttemptAsync(pending, e, settings, permanent: false);
                continue;
            }

            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException e) when (client.IsConnected)
            {
                // The server answered this message with a refusal; the connection goes on with the next one.
                await RecordFailedAttemptAsync(pending, e, settings, permanent: IsPermanent(e));
                continue;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The connection broke during this message: the server may have taken it or not. It counts as an attempt
                // (a message can break a connection), the ones after it do not.
                await RecordFailedAttemptAsync(pending, e, settings, permanent: false);
                LogServerUnavailable(e, settings.Host!, settings.Port, batch.Count - i - 1);
                await PutBackAsync(batch.Skip(i + 1).ToList(), clock.GetUtcNow() + settings.RetryDelay);
                return false;
            }

            try
            {
                await outbox.MarkSentAsync(notification.EventId, CancellationToken.None);
                LogSent(notification.EventId, notification.Number, notification.Status.ToString());
            }
            catch (Exception e)
            {
                LogNotMarked(e, notification.EventId, settings.Lease);
            }
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Every message was answered already; a QUIT that fails changes nothing.
            LogQuitFailed(e);
        }

        return true;
    }

    private async Task RecordFailedAttemptAsync(PendingOrderNotification pending, Exception error, MailSettings settings, bool permanent)
    {
        var notification = pending.Notification;
        var attempts = pending.FailedAttempts + 1;
        var reason = Describe(error);
        try
        {
            if (permanent || attempts >= settings.MaxAttempts)
            {
                await outbox.GiveUpAsync(notification.EventId, reason, CancellationToken.None);
                LogGivenUp(notification.EventId, notification.Number, attempts, reason);
            }
            else
            {
                var delay = Min(settings.RetryDelay * Math.Pow(2, attempts - 1), settings.MaxRetryDelay);
                await outbox.RetryLaterAsync(notification.EventId, reason, clock.GetUtcNow() + delay, CancellationToken.None);
                LogRetry(notification.EventId, notification.Number, attempts, reason, delay);
            }
        }
        catch (Exception e)
        {
            LogNotMarked(e, notification.EventId, settings.Lease);
        }
    }

    private async Task PutBackAsync(IReadOnlyList<PendingOrderNotification> batch, DateTimeOffset retryAt)
    {
        try
        {
            await outbox.ReleaseAsync([.. batch.Select(p => p.Notification.EventId)], retryAt, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Not put back: they are due again when their lease ends.
            LogOutboxUnavailable(e, options.CurrentValue.Lease);
        }
    }

    /// <summary>A 5xx answer about this recipient or this message: sending it again would be refused again.</summary>
    private static bool IsPermanent(SmtpCommandException e) =>
        (int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;

    private static string Describe(Exception e) => e is SmtpCommandException command
        ? $"{(int)command.StatusCode} {command.Message}"
        : $"{e.GetType().Name}: {e.Message}";

    private static SecureSocketOptions SocketOptions(MailTlsMode tls) => tls switch
    {
        MailTlsMode.Implicit => SecureSocketOptions.SslOnConnect,
        MailTlsMode.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        MailTlsMode.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailed notification {EventId} (order {Number}, {Status})")]
    private partial void LogSent(string eventId, string number, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server {Host}:{Port} could not be reached or broke the connection; {Waiting} notification(s) wait for the next attempt")]
    private partial void LogServerUnavailable(Exception exception, string host, int port, int waiting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {EventId} (order {Number}) was refused at attempt {Attempts}: {Reason}; next attempt in {Delay}")]
    private partial void LogRetry(string eventId, string number, int attempts, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {EventId} (order {Number}) is given up after {Attempts} attempt(s): {Reason}. It stays in order_notifications with delivery 'failed', listed to administrators, who may retry it")]
    private partial void LogGivenUp(string eventId, string number, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {EventId} was sent or attempted but the outbox could not record it; it is attempted again after its lease ({Lease}), with the same Message-Id")]
    private partial void LogNotMarked(Exception exception, string eventId, TimeSpan lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notification outbox could not be read or updated; the mailer tries again in {Delay}")]
    private partial void LogOutboxUnavailable(Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "QUIT to the mail server failed after the batch")]
    private partial void LogQuitFailed(Exception exception);
}
