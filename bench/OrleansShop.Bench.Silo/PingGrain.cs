namespace OrleansShop.Bench.Silo;

[GrainType("bench-ping")]
[PrimarySiloPlacement]
public sealed class PingGrain(ILocalSiloDetails silo) : Grain, IPingGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);

    public Task<string> SiloAsync() => Task.FromResult(silo.SiloAddress.ToString());
}
