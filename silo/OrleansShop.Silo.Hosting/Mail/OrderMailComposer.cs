using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using OrleansShop.GrainInterfaces;
using OrleansShop.ReadModels.Notifications;

namespace OrleansShop.Silo.Hosting.Mail;

/// <summary>
/// The e-mail for one order notification: plain text and HTML, the order's number and id, its lines, totals with their
/// currency and its status. English: the shop records no language for a customer. Payment is named by card brand and
/// last four digits only. Amounts are written with the invariant culture, which reads as English (1,234.50), and is
/// the only culture a host in globalization-invariant mode has.
/// </summary>
public static class OrderMailComposer
{
    public static MimeMessage Compose(PendingOrderNotification pending, MailboxAddress sender)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(sender);
        var (notification, content, _) = pending;
        var message = new MimeMessage
        {
            Subject = Subject(notification),
            MessageId = MessageIdFor(notification.EventId, sender),
            Date = notification.RecordedAt,
        };
        message.From.Add(sender);
        message.To.Add(MailboxAddress.Parse(notification.Email));

        // RFC 3834: an automatic message, which vacation responders should not answer.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = Text(notification, content), HtmlBody = Html(notification, content) };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>
    /// The Message-Id of a notification's mail, the same at every attempt, so a mail sent twice (a silo died between the
    /// server's acceptance and marking it sent) is recognisable as one: <c>order.ID.SEQUENCE@sender's domain</c>.
    /// </summary>
    public static string MessageIdFor(string eventId, MailboxAddress sender)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentNullException.ThrowIfNull(sender);
        var local = new StringBuilder(eventId.Length);
        foreach (var c in eventId)
        {
            local.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '.');
        }

        return $"{local}@{sender.Domain}";
    }

    private static string Subject(OrderNotification n) => n.Status switch
    {
        OrderStatus.PaymentPending => $"Your order {n.Number} is placed",
        OrderStatus.Paid => $"Payment received for order {n.Number}",
        OrderStatus.Shipped => $"Your order {n.Number} has shipped",
        OrderStatus.Delivered => $"Your order {n.Number} was delivered",
        OrderStatus.Cancelled => $"Your order {n.Number} is cancelled",
        OrderStatus.Refunded => $"Your order {n.Number} is refunded",
        _ => $"Your order {n.Number}",
    };

    private static string Lead(OrderNotification n, OrderNotificationContent c) => n.Status switch
    {
        OrderStatus.PaymentPending => "Thank you for your order. Its items are reserved for you while we wait for your payment.",
        OrderStatus.Paid => $"We received your payment{Card(c)}. We will let you know when your order ships.",
        OrderStatus.Shipped => c.TrackingNumber is { } tracking
            ? $"Your order is on its way. Its tracking number is {tracking}."
            : "Your order is on its way.",
        OrderStatus.Delivered => "Your order was delivered. We hope you enjoy it.",
        OrderStatus.Cancelled => "Your order is cancelled; its items are no longer reserved for you.",
        OrderStatus.Refunded => $"We refunded {Amount(c.Total)}{Card(c)}.",
        _ => "Your order has changed.",
    };

    private static string StatusName(OrderStatus status) => status switch
    {
        OrderStatus.PaymentPending => "Awaiting payment",
        _ => status.ToString(),
    };

    private static string Card(OrderNotificationContent c) =>
        c.CardLast4 is null ? string.Empty : $" by {c.CardBrand ?? "card"} ending in {c.CardLast4}";

    private static string Amount(Money money) => money.Amount.ToString("#,##0.00##", CultureInfo.InvariantCulture) + " " + money.Currency;

    private static string Text(OrderNotification n, OrderNotificationContent c)
    {
        var text = new StringBuilder();
        text.Append("Hello ").Append(c.RecipientName).AppendLine(",").AppendLine();
        text.AppendLine(Lead(n, c)).AppendLine();
        text.Append("Order ").Append(n.Number).Append(" (id ").Append(n.OrderId).AppendLine(")");
        text.Append("Status: ").AppendLine(StatusName(n.Status)).AppendLine();
        foreach (var line in c.Lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"{line.Quantity} x {line.Name} ({line.Sku}) at {Amount(line.UnitPrice)}: {Amount(line.LineTotal)}").AppendLine();
        }

        text.AppendLine();
        text.Append("Subtotal: ").AppendLine(Amount(c.Subtotal));
        text.Append("Shipping: ").AppendLine(Amount(c.Shipping));
        text.Append("Total: ").AppendLine(Amount(c.Total));
        return text.ToString();
    }

    private static string Html(OrderNotification n, OrderNotificationContent c)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(Subject(n))).Append("</title></head><body>");
        html.Append("<p>Hello ").Append(E(c.RecipientName)).Append(",</p>");
        html.Append("<p>").Append(E(Lead(n, c))).Append("</p>");
        html.Append("<h1>Order ").Append(E(n.Number)).Append("</h1>");
        html.Append("<p>Order id ").Append(E(n.OrderId)).Append("<br>Status: <strong>").Append(E(StatusName(n.Status))).Append("</strong></p>");
        html.Append("<table><thead><tr><th>Item</th><th>SKU</th><th>Quantity</th><th>Price</th><th>Total</th></tr></thead><tbody>");
        foreach (var line in c.Lines)
        {
            html.Append("<tr><td>").Append(E(line.Name)).Append("</td><td>").Append(E(line.Sku)).Append("</td><td>")
                .Append(line.Quantity.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(Amount(line.UnitPrice)))
                .Append("</td><td>").Append(E(Amount(line.LineTotal))).Append("</td></tr>");
        }

        html.Append("</tbody><tfoot>");
        foreach (var (label, money) in new[] { ("Subtotal", c.Subtotal), ("Shipping", c.Shipping), ("Total", c.Total) })
        {
            html.Append("<tr><th colspan=\"4\">").Append(label).Append("</th><td>").Append(E(Amount(money))).Append("</td></tr>");
        }

        html.Append("</tfoot></table></body></html>");
        return html.ToString();
    }
}
