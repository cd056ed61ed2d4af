using System.Globalization;
using OrleansShop.GrainInterfaces;
using OrleansShop.Runtime;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Grains;

/// <summary>
/// A counter saved before each number is handed out: a crash may skip a number, never repeat one.
/// </summary>
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
