using OrleansShop.Runtime;

namespace OrleansShop.GrainInterfaces;

/// <summary>Hands out unique human-readable order numbers, "OS-000123" (key: <see cref="WellKnownKeys.OrderNumbers"/>).</summary>
public interface IOrderNumberGrain : IGrainWithStringKey
{
    Task<string> NextAsync();
}
