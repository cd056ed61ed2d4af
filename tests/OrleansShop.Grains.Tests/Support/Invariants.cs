using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains.Tests.Support;

internal static class Invariants
{
    /// <summary>The stock ledger's two laws (ARCHITECTURE.md, Invariants).</summary>
    public static void AssertLedger(StockLevel level)
    {
        Assert.True(level.Available >= 0, $"available is {level.Available}");
        Assert.True(level.Reserved >= 0, $"reserved is {level.Reserved}");
        Assert.Equal(level.Received - level.WrittenOff, level.OnHand + level.Sold);
    }
}
