namespace OrleansShop.Runtime.Tests.Grains;

public interface IPlacedCounterGrain : IGrainWithStringKey
{
    /// <summary>Counts in memory: a second activation would start again from one.</summary>
    Task<int> IncrementAsync();
}
