using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>The contract's <c>AddressInput</c> as the domain's record. Missing required fields become empty strings, which the grains refuse field by field.</summary>
internal static class AddressInputs
{
    public static AddressInput From(Input address) => new(
        address.String("name") ?? string.Empty,
        address.String("line1") ?? string.Empty,
        address.String("line2"),
        address.String("city") ?? string.Empty,
        address.String("region"),
        address.String("postalCode") ?? string.Empty,
        address.String("country") ?? string.Empty,
        address.String("phone"));
}
