using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>A category an admin created.</summary>
internal sealed record CategoryPayload(CategoryNode? Category, IReadOnlyList<UserError> Errors);
