using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>A product after an admin created, changed, archived or restocked it.</summary>
internal sealed record ProductPayload(ProductDetails? Product, IReadOnlyList<UserError> Errors);
