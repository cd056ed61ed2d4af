using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// Something that acts on order events: a read model, an outbox of notifications, a webhook. Registered in the silo's
/// services; the grains do not know it. Called at least once per event, in order per order, after the event was
/// durably queued; an exception makes the stream deliver the event again later, so an implementation completes only
/// once its effect is stored, and is idempotent (by <see cref="OrderEvent.EventId"/> or by <see cref="OrderEvent.Sequence"/>).
/// </summary>
public interface IOrderEventConsumer
{
    Task ConsumeAsync(OrderEvent orderEvent, CancellationToken cancellationToken);
}
