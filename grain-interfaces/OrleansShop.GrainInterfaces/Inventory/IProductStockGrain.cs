using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// The stock of one product (key: product id), the only place stock changes. Available = on hand - reserved, never
/// negative; received - written off = on hand + sold, always. Every order-driven call is idempotent per order id.
/// </summary>
[Alias("shop.IProductStockGrain")]
public interface IProductStockGrain : IGrainWithStringKey
{
    /// <summary>Holds <paramref name="quantity"/> for the order; a retry returns the first outcome and never reserves twice.</summary>
    [Alias("ReserveAsync")]
    Task<Result<StockReservation>> ReserveAsync(string orderId, int quantity);

    /// <summary>Returns the order's reservation to available stock; releasing twice, or what was never reserved, is a no-op.</summary>
    [Alias("ReleaseAsync")]
    Task<Result<StockReservation>> ReleaseAsync(string orderId);

    /// <summary>
    /// The order was paid: its reserved quantity leaves on hand and counts as sold, and the reservation is forgotten
    /// (the ledger keeps counts, not every sale). Confirming an order that holds no reservation here sells nothing.
    /// </summary>
    [Alias("ConfirmAsync")]
    Task<Result<StockReservation>> ConfirmAsync(string orderId);

    /// <summary>
    /// A paid order was cancelled before it shipped: the <paramref name="quantity"/> it bought goes back on hand, once
    /// per order, and never more than was sold.
    /// </summary>
    [Alias("ReturnAsync")]
    Task<Result<StockReservation>> ReturnAsync(string orderId, int quantity);

    /// <summary>Restock (positive) or write-off (negative); a write-off never takes on hand below what is reserved.</summary>
    [Alias("AdjustAsync")]
    Task<Result<StockLevel>> AdjustAsync(int delta, string reason);

    [ReadOnly]
    [Alias("GetLevelAsync")]
    Task<StockLevel> GetLevelAsync();

    [ReadOnly]
    [Alias("GetReservationAsync")]
    Task<StockReservation?> GetReservationAsync(string orderId);
}
