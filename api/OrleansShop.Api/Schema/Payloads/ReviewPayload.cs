using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>A review after it was written or replied to.</summary>
internal sealed record ReviewPayload(Review? Review, IReadOnlyList<UserError> Errors);
