using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains.Tests.Support;

internal static class TestAddresses
{
    public static AddressInput Home { get; } = new("Ada Lovelace", "1 Main Street", null, "Springfield", "IL", "62701", "US", "+1 555 0100");
}
