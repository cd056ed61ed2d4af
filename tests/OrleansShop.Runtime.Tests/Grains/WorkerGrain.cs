using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

[StatelessWorker(3)]
public sealed class WorkerGrain : Grain, IWorkerGrain
{
    private readonly Guid activationId = Guid.NewGuid();
    private readonly TestProbe probe;

    public WorkerGrain(TestProbe probe) => this.probe = probe;

    public async Task<Guid> WorkAsync()
    {
        probe.Record("working");
        await probe.Signal("release").Task;
        return activationId;
    }
}
