namespace OrleansShop.Runtime.Concurrency;

/// <summary>
/// The grain keeps no state between calls: the runtime may create up to <see cref="MaxLocalWorkers"/> activations
/// per silo for the same id and send each call to an idle one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StatelessWorkerAttribute : Attribute
{
    public StatelessWorkerAttribute()
        : this(Environment.ProcessorCount)
    {
    }

    public StatelessWorkerAttribute(int maxLocalWorkers) => MaxLocalWorkers = maxLocalWorkers;

    public int MaxLocalWorkers { get; }
}
