using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// Something that acts on stock changes (a low-stock alert, a feed to a marketplace), with the contract of
/// <see cref="IOrderEventConsumer"/>: at least once, in version order per product, redelivered after an exception.
/// </summary>
public interface IStockEventConsumer
{
    Task ConsumeAsync(StockEvent stockEvent, CancellationToken cancellationToken);
}
