using Orleans.Runtime;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// The live-update streams the commerce grains publish, on the stream provider named <see cref="Provider"/> (a silo
/// hosting the grains registers it, e.g. <c>AddMemoryStreams(CommerceStreams.Provider)</c>).
/// </summary>
public static class CommerceStreams
{
    public const string Provider = "commerce";

    /// <summary>An order's <see cref="OrderDetails"/> after each status change, keyed by order id.</summary>
    public const string OrderStatus = "order-status";

    /// <summary>A product's <see cref="StockLevel"/> after each change of on hand or reserved, keyed by product id.</summary>
    public const string Stock = "stock";

    public static StreamId ForOrder(string orderId) => StreamId.Create(OrderStatus, orderId);

    public static StreamId ForStock(string productId) => StreamId.Create(Stock, productId);
}
