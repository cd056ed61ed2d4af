using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Alias("shop.ReservationStatus")]
public enum ReservationStatus
{
    /// <summary>Held for the order, counted in reserved.</summary>
    Reserved,

    /// <summary>Given back; the order id can never reserve this product again.</summary>
    Released,

    /// <summary>Paid: moved out of on hand into sold.</summary>
    Confirmed,

    /// <summary>Paid, then cancelled before shipping: moved from sold back on hand.</summary>
    Returned,
}
