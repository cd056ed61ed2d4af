namespace OrleansShop.GrainInterfaces;

/// <summary>Keys of grains of which the shop has exactly one.</summary>
public static class WellKnownKeys
{
    public const string CategoryTree = "catalog";

    public const string OrderNumbers = "orders";
}
