using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public sealed class TurnGrain : Grain, ITurnGrain
{
    private bool inProgress;
    private int entries;

    public async Task<int> EnterAsync()
    {
        if (inProgress)
        {
            throw new InvalidOperationException("Two calls interleaved on a non-reentrant grain.");
        }

        inProgress = true;
        await Task.Yield();
        await Task.Delay(1);
        entries++;
        inProgress = false;
        return entries;
    }

    public Task<int> GetEntriesAsync() => Task.FromResult(entries);
}
