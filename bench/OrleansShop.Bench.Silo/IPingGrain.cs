namespace OrleansShop.Bench.Silo;

/// <summary>A grain without state, for measuring the call path alone (the old runtime's test host had the same).</summary>
[Alias("bench.ping")]
public interface IPingGrain : IGrainWithStringKey
{
    [Alias("ping")]
    Task<int> PingAsync(int value);

    /// <summary>The silo the activation runs on, so a caller can check that its calls really cross processes.</summary>
    [Alias("silo")]
    Task<string> SiloAsync();
}
