using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>Hands out unique human-readable order numbers, "OS-000123" (key: <see cref="WellKnownKeys.OrderNumbers"/>).</summary>
[Alias("shop.IOrderNumberGrain")]
public interface IOrderNumberGrain : IGrainWithStringKey
{
    [Alias("NextAsync")]
    Task<string> NextAsync();
}
