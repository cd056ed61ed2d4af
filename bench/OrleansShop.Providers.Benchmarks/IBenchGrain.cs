namespace OrleansShop.Providers.Benchmarks;

public interface IBenchGrain : IGrainWithIntegerKey
{
    /// <summary>Writes its state in a loop until <paramref name="duration"/> has passed; returns the writes made.</summary>
    Task<int> WriteFor(TimeSpan duration);

    /// <summary>Returns the stored counter (activating the grain reads it from storage).</summary>
    Task<int> Read();

    /// <summary>Stores one write.</summary>
    Task Seed();
}
