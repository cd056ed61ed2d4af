using System.Globalization;
using Orleans;
using Orleans.Core;
using Orleans.Runtime;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// A counter saved before each number is handed out: a crash may skip a number, never repeat one.
/// </summary>
[GrainType("order-number")]
internal sealed class OrderNumberGrain(
    [PersistentState("counter")] IPersistentState<OrderNumberState> counter) : Grain, IOrderNumberGrain
{
    public async Task<string> NextAsync()
    {
        counter.State.Last++;
        await counter.SaveAsync();
        return string.Create(CultureInfo.InvariantCulture, $"OS-{counter.State.Last:D6}");
    }
}
