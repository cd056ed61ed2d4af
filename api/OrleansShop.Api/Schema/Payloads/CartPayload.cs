using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>The cart after a change, or why it did not change.</summary>
internal sealed record CartPayload(CartView? Cart, IReadOnlyList<UserError> Errors);
