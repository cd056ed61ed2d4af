namespace OrleansShop.Bench.Streams;

/// <summary>The publishing process's window onto <see cref="Deliveries"/> in the consuming silo.</summary>
public interface IDeliveryStatsGrain : IGrainWithIntegerKey
{
    Task ResetAsync();

    Task<DeliverySnapshot> SnapshotAsync();
}
