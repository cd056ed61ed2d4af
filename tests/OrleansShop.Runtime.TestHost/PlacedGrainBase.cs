using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.TestHost;

/// <summary>
/// Counts its calls in memory: two activations of one grain id would each count from one, so the counts of calls
/// made from every silo show whether they all reached one activation.
/// </summary>
public abstract class PlacedGrainBase(IClusterMembership membership) : Grain, IPlacedGrain
{
    private readonly string _activation = Guid.NewGuid().ToString("N")[..12];
    private int _visits;

    public Task<string> VisitAsync() => Task.FromResult($"{membership.LocalSilo} {_activation} {++_visits}");

    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);
}
