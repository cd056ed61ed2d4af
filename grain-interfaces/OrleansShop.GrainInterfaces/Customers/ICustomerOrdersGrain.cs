using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// A customer's orders (key: customer id), kept current by each order grain on every status change, newest first.
/// </summary>
[Alias("shop.ICustomerOrdersGrain")]
public interface ICustomerOrdersGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the order's summary.</summary>
    [Alias("RecordAsync")]
    Task RecordAsync(OrderSummary summary);

    [ReadOnly]
    [Alias("GetAsync")]
    Task<IReadOnlyList<OrderSummary>> GetAsync();

    /// <summary>Whether an order of this customer containing the product was paid and not cancelled or refunded.</summary>
    [ReadOnly]
    [Alias("HasPurchasedAsync")]
    Task<bool> HasPurchasedAsync(string productId);
}
