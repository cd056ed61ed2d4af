using Orleans.Runtime;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// The durable streams of domain events, on the stream provider named <see cref="Provider"/> (a queue that keeps an event
/// until its consumers took it: Azure Queue, ADO.NET or Event Hubs in a cluster, memory streams in the embedded default). Events
/// go to one of <see cref="Partitions"/> streams per namespace, chosen by a stable hash of the order or product id, so
/// each order's and each product's events stay in publication order on one stream while the consumers of different
/// partitions run side by side.
/// </summary>
public static class DomainEvents
{
    public const string Provider = "events";

    /// <summary>An <see cref="OrderEvent"/> each time an order is placed or changes status.</summary>
    public const string OrderNamespace = "order-events";

    /// <summary>A <see cref="StockEvent"/> each time a product's on hand or reserved changes.</summary>
    public const string StockNamespace = "stock-events";

    public const int Partitions = 16;

    public static StreamId ForOrder(string orderId) => StreamId.Create(OrderNamespace, PartitionOf(orderId));

    public static StreamId ForStock(string productId) => StreamId.Create(StockNamespace, PartitionOf(productId));

    /// <summary>
    /// The partition of <paramref name="key"/>, the same on every silo and every run (string.GetHashCode is randomised per
    /// process, which would split one order's events across streams).
    /// </summary>
    public static string PartitionOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        // FNV-1a over the UTF-16 code units: cheap, stable, and well spread for ids that share long prefixes.
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (hash % Partitions).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }
}
