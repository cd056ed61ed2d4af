using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using OrleansShop.Api.Schema;
using OrleansShop.Api.Tests.Support;
using OrleansShop.ReadModels.Notifications;
using OrleansShop.Silo.Hosting.Mail;
using OrleansShop.Testing;

namespace OrleansShop.Api.Tests;

/// <summary>
/// The order mailer of the real API host against a real SMTP server on loopback (smtp-server under Node.js): what the
/// mails say, and that each notification is delivered once through refusals and outages.
/// </summary>
public sealed class OrderMailTests
{
    private const string MailUser = "shop-mailer";
    private const string MailPassword = "mail-password-never-logged";

    [Fact]
    public async Task An_order_placed_and_paid_is_mailed_twice_with_its_items_totals_card_and_status()
    {
        await using var smtp = await SmtpTestServer.StartAsync(user: MailUser, password: MailPassword);
        var logs = new CapturingLoggerProvider();
        await using var server = await StartShopAsync(smtp.Port, logs, "OrleansShop:Mail:User=" + MailUser, "OrleansShop:Mail:Password=" + MailPassword);

        var (order, email, productName) = await BuyAsync(server, pay: true);

        await smtp.WaitForAsync(2, logs);
        var id = OrderKey(order);
        var number = order["number"]!.GetValue<string>();
        var currency = order["total"]!["currency"]!.GetValue<string>();
        var placed = Assert.Single(smtp.Accepted, m => m.MessageId == $"order.{id}.1@shop.test");
        var paid = Assert.Single(smtp.Accepted, m => m.MessageId == $"order.{id}.2@shop.test");
        Assert.Equal($"Your order {number} is placed", placed.Subject);
        Assert.Equal($"Payment received for order {number}", paid.Subject);
        foreach (var mail in new[] { placed, paid })
        {
            Assert.Equal(email, Assert.Single(mail.To.Mailboxes).Address);
            Assert.Equal(("Test Shop", "orders@shop.test"), (Assert.Single(mail.From.Mailboxes).Name, mail.From.Mailboxes.Single().Address));
            foreach (var body in new[] { mail.TextBody, mail.HtmlBody })
            {
                Assert.Contains(number, body, StringComparison.Ordinal);
                Assert.Contains(id, body, StringComparison.Ordinal);
                Assert.Contains(productName, body, StringComparison.Ordinal);
                Assert.Contains($"12.50 {currency}", body, StringComparison.Ordinal);
                Assert.Contains($"25.00 {currency}", body, StringComparison.Ordinal);
                Assert.Contains($"{order["total"]!["amount"]!.GetValue<string>()} {currency}", body, StringComparison.Ordinal);
                Assert.Contains("Ada Lovelace", body, StringComparison.Ordinal);
            }

            Assert.Contains($"2 x {productName}", mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(Shopping.GoodCard, Raw(mail), StringComparison.Ordinal);
        }

        Assert.Contains("Status: Awaiting payment", placed.TextBody, StringComparison.Ordinal);
        Assert.Contains("Status: <strong>Awaiting payment</strong>", placed.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("ending in", placed.TextBody, StringComparison.Ordinal);
        Assert.Contains("Status: Paid", paid.TextBody, StringComparison.Ordinal);
        Assert.Contains("Status: <strong>Paid</strong>", paid.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("by Visa ending in 4242", paid.TextBody, StringComparison.Ordinal);

        await WaitForDeliveryAsync(server, id, OrderNotificationDelivery.Sent, OrderNotificationDelivery.Sent);
        Assert.Contains(logs.Entries, e => e.Contains("Mailed notification order/" + id + "/2", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Contains(MailPassword, StringComparison.Ordinal));
        Assert.Equal(2, smtp.Accepted.Count);
    }

    [Fact]
    public async Task A_server_that_refuses_with_451_and_then_accepts_gets_each_mail_exactly_once()
    {
        await using var smtp = await SmtpTestServer.StartAsync(refuse: 2, code: 451);
        var logs = new CapturingLoggerProvider();
        await using var server = await StartShopAsync(smtp.Port, logs);

        var (order, _, _) = await BuyAsync(server, pay: true);
        var id = OrderKey(order);

        await smtp.WaitForAsync(2, logs);
        await WaitForDeliveryAsync(server, id, OrderNotificationDelivery.Sent, OrderNotificationDelivery.Sent);

        // Several poll intervals and retry delays later, nothing more went out.
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.Equal(2, smtp.Refused);
        Assert.Equal(
            [$"order.{id}.1@shop.test", $"order.{id}.2@shop.test"],
            smtp.Accepted.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.Contains(logs.Entries, e => e.StartsWith("Warning", StringComparison.Ordinal) && e.Contains("was refused at attempt 1: 451", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notifications_wait_while_the_server_is_down_and_go_out_once_it_is_up()
    {
        var port = LoopbackPorts.Take();
        var logs = new CapturingLoggerProvider();

        // Two attempts only: a server that is down must not use them up.
        await using var server = await StartShopAsync(port, logs, "OrleansShop:Mail:MaxAttempts=2");
        var (order, _, _) = await BuyAsync(server, pay: true);
        var id = OrderKey(order);
        await WaitForDeliveryAsync(server, id, OrderNotificationDelivery.Pending, OrderNotificationDelivery.Pending);
        await Poll.UntilAsync(() => Task.FromResult(logs.Entries.Count(e => e.Contains("could not be reached", StringComparison.Ordinal)) >= 3));
        Assert.Equal(
            [OrderNotificationDelivery.Pending, OrderNotificationDelivery.Pending],
            (await Outbox(server).ForOrderAsync(id, TestContext.Current.CancellationToken)).Select(n => n.Delivery));

        await using var smtp = await SmtpTestServer.StartAsync(port);
        await smtp.WaitForAsync(2, logs);
        await WaitForDeliveryAsync(server, id, OrderNotificationDelivery.Sent, OrderNotificationDelivery.Sent);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(2, smtp.Accepted.Count);
    }

    [Theory]
    [InlineData(451, 3)]
    [InlineData(550, 1)]
    public async Task A_notification_refused_every_time_is_kept_as_failed_after_the_attempt_limit_or_a_permanent_refusal(int code, int attempts)
    {
        await using var smtp = await SmtpTestServer.StartAsync(refuse: 1000, code: code);
        var logs = new CapturingLoggerProvider();
        await using var server = await StartShopAsync(smtp.Port, logs, "OrleansShop:Mail:MaxAttempts=3");

        var (order, _, _) = await BuyAsync(server, pay: false);
        var id = OrderKey(order);

        await WaitForDeliveryAsync(server, id, OrderNotificationDelivery.Failed);
        var failed = await Outbox(server).PageAsync(OrderNotificationDelivery.Failed, new(100, null, null, null), TestContext.Current.CancellationToken);
        var failure = Assert.Single(failed.Items, f => f.Item.Notification.OrderId == id).Item;
        Assert.Equal(attempts, failure.Attempts);
        Assert.StartsWith(code.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.LastError, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(attempts, smtp.Refused);
        Assert.Empty(smtp.Accepted);
        Assert.Contains(logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal) && e.Contains($"order/{id}/1", StringComparison.Ordinal) && e.Contains("given up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_mail_host_there_is_no_mailer_and_notifications_stay_pending()
    {
        await using var server = await ShopServer.StartAsync(settings: ShopServer.LimitsForManyTests);
        Assert.DoesNotContain(server.Services.GetServices<IHostedService>(), s => s is OrderMailer);

        var (order, _, _) = await BuyAsync(server, pay: false);

        await WaitForDeliveryAsync(server, OrderKey(order), OrderNotificationDelivery.Pending);
    }

    [Fact]
    public async Task A_mail_host_without_a_usable_sender_fails_the_start_naming_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ShopServer.StartAsync(settings: ["OrleansShop:Mail:Host=127.0.0.1", "OrleansShop:Mail:From=not an address"]));
        Assert.Contains("OrleansShop:Mail:From", error.ToString(), StringComparison.Ordinal);
    }

    internal static Task<ShopServer> StartShopAsync(int port, CapturingLoggerProvider logs, params string[] more) => ShopServer.StartAsync(
        settings:
        [
            .. ShopServer.LimitsForManyTests,
            "OrleansShop:Mail:Host=127.0.0.1",
            "OrleansShop:Mail:Port=" + port,
            "OrleansShop:Mail:Tls=None",
            "OrleansShop:Mail:From=\"Test Shop\" <orders@shop.test>",
            "OrleansShop:Mail:PollInterval=00:00:00.100",
            "OrleansShop:Mail:RetryDelay=00:00:00.200",
            "OrleansShop:Mail:MaxRetryDelay=00:00:00.400",
            "OrleansShop:Mail:Timeout=00:00:05",
            "Logging:LogLevel:OrleansShop=Information",
            .. more,
        ],
        configure: builder => builder.Logging.AddProvider(logs));

    /// <summary>A new customer buys two of a new product at 12.50 (and pays by card when <paramref name="pay"/>).</summary>
    internal static async Task<(JsonNode Order, string Email, string ProductName)> BuyAsync(ShopServer server, bool pay)
    {
        var admin = await server.AdminTokenAsync();
        var productName = "Teapot " + Guid.NewGuid().ToString("N")[..8];
        var productId = await server.CreateProductAsync(admin, price: "12.50", stock: 10, name: productName);
        var email = ShopServer.UniqueEmail();
        var token = (await server.RegisterAsync(email))["accessToken"]!.GetValue<string>();
        return (await server.BuyAsync(token, productId, quantity: 2, pay: pay), email, productName);
    }

    /// <summary>The order's own id (the grain's key), which the outbox and the mails carry; GraphQL shows it as a global id.</summary>
    internal static string OrderKey(JsonNode order) => GlobalId.KeyOf(order["id"]!.GetValue<string>(), "Order")!;

    private static OrderNotificationOutbox Outbox(ShopServer server) => server.Services.GetRequiredService<OrderNotificationOutbox>();

    private static Task WaitForDeliveryAsync(ShopServer server, string orderId, params OrderNotificationDelivery[] expected) =>
        Poll.UntilAsync(
            async () => (await Outbox(server).ForOrderAsync(orderId, TestContext.Current.CancellationToken)).Select(n => n.Delivery).SequenceEqual(expected),
            seconds: 30);

    private static string Raw(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
