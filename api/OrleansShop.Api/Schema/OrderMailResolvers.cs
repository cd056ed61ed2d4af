using HotChocolate.Execution.Configuration;
using OrleansShop.GrainInterfaces;
using OrleansShop.ReadModels.Notifications;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Order mails for administrators: the outbox listed by delivery, and a retry of one the mailer gave up on. Read from
/// and written to the outbox table directly (no grain holds it); the mailer picks a retried mail up at its next poll.
/// </summary>
internal static class OrderMailResolvers
{
    public static void Register(IRequestExecutorBuilder graphql)
    {
        graphql.FieldAsync("Query", "orderMails", ListAsync);
        graphql.FieldAsync("Mutation", "retryOrderMail", RetryAsync);
    }

    private static async Task<Connection<OrderMail>> ListAsync(IResolverContext context)
    {
        var outbox = Outbox(context) ?? throw AdminListResolvers.Unavailable();
        var delivery = context.ArgumentValue<OrderNotificationDelivery>("delivery");
        var page = await outbox.PageAsync(delivery, AdminListResolvers.PageRequest(context), context.RequestAborted);
        var edges = page.Items.Select(i => new Edge<OrderMail>(i.Cursor.ToString(), OrderMail.From(i.Item))).ToList();
        var pageInfo = new PageInfo(page.HasNextPage, page.HasPreviousPage, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
        return new Connection<OrderMail>(edges, [.. edges.Select(e => e.Node)], pageInfo, page.TotalCount);
    }

    private static async Task<RetryOrderMailPayload> RetryAsync(IResolverContext context)
    {
        if (UserErrors.UnlessAdmin(context) is { } refused)
        {
            return new RetryOrderMailPayload(null, refused);
        }

        var outbox = Outbox(context) ?? throw AdminListResolvers.Unavailable();
        var mailId = Input.Of(context).String("mailId");
        var eventId = GlobalId.KeyOf(mailId, OrderMail.TypeName);
        if (eventId is null)
        {
            return new RetryOrderMailPayload(null, NotFound(mailId));
        }

        var (outcome, mail) = await outbox.RetryAsync(eventId, context.RequestAborted);
        return outcome switch
        {
            OrderNotificationRetry.Retried => new RetryOrderMailPayload(OrderMail.From(mail!), UserErrors.None),
            OrderNotificationRetry.NotFailed => new RetryOrderMailPayload(
                OrderMail.From(mail!),
                UserErrors.Of(ErrorCode.InvalidState, $"The mail is {mail!.Notification.Delivery.ToString().ToUpperInvariant()}, not FAILED: only a failed mail is retried.", "mailId")),
            _ => new RetryOrderMailPayload(null, NotFound(mailId)),
        };
    }

    private static IReadOnlyList<UserError> NotFound(string? mailId) =>
        UserErrors.Of(ErrorCode.NotFound, $"No order mail has the id \"{mailId}\".", "mailId");

    private static OrderNotificationOutbox? Outbox(IResolverContext context) => context.Services.GetService<OrderNotificationOutbox>();
}
