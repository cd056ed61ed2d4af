using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains.Tests.Support;

internal static class StockLevelFigures
{
    /// <summary>
    /// The ledger's figures without its version: how many saved changes led there is not what these tests assert
    /// (live subscribers use the version to order levels).
    /// </summary>
    public static StockLevel Figures(this StockLevel level) => level with { Version = 0 };
}
