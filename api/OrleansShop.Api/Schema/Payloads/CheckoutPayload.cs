using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>The order a checkout placed (the same one again for a retried idempotency key).</summary>
internal sealed record CheckoutPayload(OrderDetails? Order, IReadOnlyList<UserError> Errors);
