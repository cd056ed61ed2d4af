using Orleans;
using Orleans.Concurrency;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// An order was placed or changed status (paid, shipped, delivered, cancelled, refunded): the order as saved then.
/// Delivered at least once; <see cref="EventId"/> is the same for every delivery of one change, so a consumer that must
/// act once (send one e-mail) keeps the ids it has handled, and one that keeps state keeps the highest
/// <see cref="Sequence"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.OrderEvent")]
public sealed record OrderEvent([property: Id(0)] OrderDetails Order)
{
    /// <summary>How many status changes the order had by then; grows by one with each.</summary>
    public int Sequence => Order.History.Count;

    public string EventId => $"order/{Order.Id}/{Sequence}";
}
