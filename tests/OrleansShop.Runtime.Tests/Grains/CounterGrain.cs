using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public sealed class CounterGrain : Grain, ICounterGrain
{
    private readonly IPersistentState<CounterState> counter;
    private readonly TestProbe probe;
    private readonly Guid activationId = Guid.NewGuid();
    private int valueSeenOnActivate = -1;

    public CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter, TestProbe probe)
    {
        this.counter = counter;
        this.probe = probe;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // State is read before OnActivateAsync.
        valueSeenOnActivate = counter.State.Value;
        probe.Record($"activate {this.GetPrimaryKeyString()} {valueSeenOnActivate}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate {this.GetPrimaryKeyString()} {reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public async Task<int> IncrementAsync()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Value);

    public Task<Guid> GetActivationIdAsync() => Task.FromResult(activationId);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task ClearAsync() => counter.ClearStateAsync();

    public Task<bool> RecordExistsAsync() => Task.FromResult(counter.RecordExists);
}
