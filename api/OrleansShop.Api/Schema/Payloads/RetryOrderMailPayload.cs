using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>An order mail an administrator put back in the queue.</summary>
internal sealed record RetryOrderMailPayload(OrderMail? Mail, IReadOnlyList<UserError> Errors);
