namespace OrleansShop.GrainInterfaces;

/// <summary>A product's stock ledger at one moment.</summary>
public sealed record StockLevel(int OnHand, int Reserved, int Sold, int Received, int WrittenOff)
{
    /// <summary>Sellable now.</summary>
    public int Available => OnHand - Reserved;
}
