using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// A product's stock ledger. Reserved is not stored: it is the sum of the reservations still held, so it can never
/// drift from them.
/// </summary>
internal sealed class ProductStockState
{
    public int OnHand { get; set; }

    /// <summary>Counts saved changes, so that the catalog read model can ignore an availability older than what it holds.</summary>
    public long Version { get; set; }

    public int Sold { get; set; }

    public int Received { get; set; }

    public int WrittenOff { get; set; }

    /// <summary>Every order that ever touched this product's stock, by order id: the memory that makes retries safe.</summary>
    public Dictionary<string, StockReservation> Reservations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Released and returned reservations, oldest first, with when they became final: the order they are forgotten in.</summary>
    public List<SettledReservation> Settled { get; set; } = [];

    /// <summary>The latest adjustments only; a full audit trail belongs in a projection, not in this grain's state.</summary>
    public List<StockAdjustment> Adjustments { get; set; } = [];

    public int Reserved => Reservations.Values.Where(r => r.Status == ReservationStatus.Reserved).Sum(r => r.Quantity);

    public StockLevel Level() => new(OnHand, Reserved, Sold, Received, WrittenOff);
}
