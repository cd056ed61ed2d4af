using OrleansShop.Runtime;
using OrleansShop.Runtime.Concurrency;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// A customer's orders (key: customer id), kept current by each order grain on every status change, newest first.
/// </summary>
public interface ICustomerOrdersGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the order's summary.</summary>
    Task RecordAsync(OrderSummary summary);

    [ReadOnly]
    Task<IReadOnlyList<OrderSummary>> GetAsync();

    /// <summary>Whether an order of this customer containing the product was paid and not cancelled or refunded.</summary>
    [ReadOnly]
    Task<bool> HasPurchasedAsync(string productId);
}
