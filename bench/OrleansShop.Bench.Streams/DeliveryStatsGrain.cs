namespace OrleansShop.Bench.Streams;

[ConsumerSiloPlacement]
public sealed class DeliveryStatsGrain(Deliveries deliveries) : Grain, IDeliveryStatsGrain
{
    public Task ResetAsync()
    {
        deliveries.Reset();
        return Task.CompletedTask;
    }

    public Task<DeliverySnapshot> SnapshotAsync() => Task.FromResult(deliveries.Snapshot());
}
