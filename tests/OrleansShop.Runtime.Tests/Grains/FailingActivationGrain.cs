using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public sealed class FailingActivationGrain : Grain, IFailingActivationGrain
{
    private static int attempts;

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        Interlocked.Increment(ref attempts) == 1 && this.GetPrimaryKeyString() == "flaky"
            ? throw new InvalidOperationException("First activation fails.")
            : Task.CompletedTask;

    public Task<string> HelloAsync() => Task.FromResult("hello");
}
