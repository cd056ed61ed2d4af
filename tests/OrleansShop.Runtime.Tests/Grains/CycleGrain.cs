using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public sealed class CycleGrain : Grain, ICycleGrain
{
    private bool slowExit;

    public async Task<string> StartAsync(ICycleGrain next) => await next.BounceAsync(this.AsReference<ICycleGrain>());

    public async Task<string> BounceAsync(ICycleGrain origin) => await origin.PingAsync();

    public Task<string> PingAsync() => Task.FromResult("pong from " + this.GetPrimaryKeyString());

    public async Task<string> CallSelfAsync() => await this.AsReference<ICycleGrain>().PingAsync();

    public Task DeactivateSlowlyAsync()
    {
        slowExit = true;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        slowExit ? Task.Delay(300, cancellationToken) : Task.CompletedTask;
}
