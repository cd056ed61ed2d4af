namespace OrleansShop.Grains;

/// <summary>A restock or write-off, kept so the ledger can be explained.</summary>
internal sealed record StockAdjustment(int Delta, string Reason, DateTimeOffset At);
