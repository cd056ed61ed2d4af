using OrleansShop.Runtime.Catalog;

namespace OrleansShop.Runtime.Activations;

/// <summary>
/// The activations of one [StatelessWorker] grain id on this silo: a call goes to an idle worker, or to a new one
/// while the pool is below its maximum, otherwise to the least busy.
/// </summary>
internal sealed class StatelessWorkerPool : GrainTarget
{
    private readonly Lock sync = new();
    private readonly SiloRuntime runtime;
    private readonly GrainClass grainClass;
    private readonly GrainId grainId;
    private readonly List<Activation> workers = [];

    // Set when the last worker leaves: the pool is out of the directory and refuses calls, which the router then
    // sends to a new pool, so a caller holding this one never adds a worker nobody can find.
    private bool retired;

    public StatelessWorkerPool(SiloRuntime runtime, GrainClass grainClass, GrainId grainId)
    {
        this.runtime = runtime;
        this.grainClass = grainClass;
        this.grainId = grainId;
    }

    public override DeliveryOutcome Deliver(ActivationWork work, bool mayRunInline)
    {
        while (true)
        {
            Activation? chosen = null, created = null;
            lock (sync)
            {
                if (retired)
                {
                    return DeliveryOutcome.Refused;
                }

                var leastLoad = int.MaxValue;
                foreach (var worker in workers)
                {
                    var load = worker.Load;
                    if (load < leastLoad && !IsUpstream(worker, work))
                    {
                        chosen = worker;
                        leastLoad = load;
                    }
                }

                if (leastLoad > 0 && workers.Count < grainClass.MaxLocalWorkers)
                {
                    chosen = created = new Activation(runtime, grainClass, grainId, this);
                    workers.Add(created);
                }

                chosen ??= workers.Count > 0 ? workers[0] : null;
            }

            if (chosen is null)
            {
                return DeliveryOutcome.Refused;
            }

            created?.Start();
            if (chosen.Deliver(work, mayRunInline) == DeliveryOutcome.Accepted)
            {
                return DeliveryOutcome.Accepted;
            }

            Remove(chosen);
        }
    }

    public void Remove(Activation worker)
    {
        lock (sync)
        {
            if (workers.Remove(worker) && workers.Count == 0 && !retired)
            {
                // Without this, every id called once would leave an empty pool in the directory for good.
                retired = true;
                runtime.Directory.Remove(grainId, this);
            }
        }
    }

    public override void SweepTimeouts(long startedBefore, List<ActivationWork> expired)
    {
        foreach (var worker in Snapshot())
        {
            worker.SweepTimeouts(startedBefore, expired);
        }
    }

    public override void CollectIdle(long now, long ageMilliseconds)
    {
        foreach (var worker in Snapshot())
        {
            worker.CollectIdle(now, ageMilliseconds);
        }
    }

    public override void CollectActivations(List<Activation> into)
    {
        lock (sync)
        {
            into.AddRange(workers);
        }
    }

    private Activation[] Snapshot()
    {
        lock (sync)
        {
            return [.. workers];
        }
    }

    private static bool IsUpstream(Activation worker, ActivationWork work)
    {
        for (var caller = work.Caller; caller is not null; caller = caller.Caller)
        {
            if (ReferenceEquals(caller.Activation, worker) && !caller.IsFinished)
            {
                return true;
            }
        }

        return false;
    }
}
