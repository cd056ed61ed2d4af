using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>The result of a change to the signed-in customer (profile, password, addresses, roles).</summary>
internal sealed record CustomerPayload(CustomerProfile? Customer, IReadOnlyList<UserError> Errors);
