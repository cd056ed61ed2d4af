using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// A product's stock ledger. Reserved is not stored: it is the sum of the reservations still held, so it can never
/// drift from them.
/// </summary>
[GenerateSerializer, Alias("shop.ProductStockState")]
internal sealed class ProductStockState
{
    [NonSerialized]
    private Dictionary<string, StockReservation> reservations = new(StringComparer.Ordinal);
    [NonSerialized]
    private int? reserved;

    [Id(0)]
    public int OnHand { get; set; }

    /// <summary>Counts saved changes, so that the catalog read model can ignore an availability older than what it holds.</summary>
    [Id(1)]
    public long Version { get; set; }

    [Id(2)]
    public int Sold { get; set; }

    [Id(3)]
    public int Received { get; set; }

    [Id(4)]
    public int WrittenOff { get; set; }

    /// <summary>
    /// Every order that ever touched this product's stock, by order id: the memory that makes retries safe. Change it
    /// through <see cref="Record"/> and <see cref="Forget"/>, which keep <see cref="Reserved"/> current.
    /// </summary>
    [Id(5)]
    public Dictionary<string, StockReservation> Reservations
    {
        get => reservations;
        set
        {
            reservations = value;
            reserved = null;
        }
    }

    /// <summary>Released and returned reservations, oldest first, with when they became final: the order they are forgotten in.</summary>
    [Id(6)]
    public List<SettledReservation> Settled { get; set; } = [];

    /// <summary>The latest adjustments only; a full audit trail belongs in a projection, not in this grain's state.</summary>
    [Id(7)]
    public List<StockAdjustment> Adjustments { get; set; } = [];

    /// <summary>
    /// Summed once per activation (the dictionary grows with every order, so summing it on every call cost more than
    /// anything else a reservation does) and then kept current by each change.
    /// </summary>
    public int Reserved => reserved ??= Reservations.Values.Sum(Held);

    public void Record(StockReservation reservation)
    {
        var before = Reservations.TryGetValue(reservation.OrderId, out var earlier) ? Held(earlier) : 0;
        var total = Reserved;
        Reservations[reservation.OrderId] = reservation;
        reserved = total - before + Held(reservation);
    }

    public void Forget(string orderId)
    {
        if (Reservations.Remove(orderId, out var gone))
        {
            reserved = Reserved - Held(gone);
        }
    }

    public StockLevel Level() => new(OnHand, Reserved, Sold, Received, WrittenOff, Version);

    private static int Held(StockReservation reservation) => reservation.Status == ReservationStatus.Reserved ? reservation.Quantity : 0;
}
