using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>A payment attempt and its order; a declined attempt still shows both, next to the error.</summary>
internal sealed record PaymentPayload(OrderDetails? Order, Payment? Payment, IReadOnlyList<UserError> Errors);
