using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>An order after a cancellation, shipment, delivery or refund.</summary>
internal sealed record OrderPayload(OrderDetails? Order, IReadOnlyList<UserError> Errors);
