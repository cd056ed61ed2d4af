using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansShop.Runtime.Diagnostics;

/// <summary>
/// The runtime's meter and activity source. Static like the BCL's own instruments: every silo in a process reports
/// into the same instruments, and an instrument without a listener costs one branch. Grain state operations are
/// counted by the storage providers (orleansshop.storage.*, tagged by provider and operation), not here as well:
/// one write is one measurement.
/// </summary>
internal static class RuntimeInstruments
{
    public const string Name = "OrleansShop.Runtime";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly UpDownCounter<long> Activations = Meter.CreateUpDownCounter<long>("orleansshop.runtime.activations", description: "Grain activations in memory.");

    public static readonly Counter<long> Calls = Meter.CreateCounter<long>("orleansshop.runtime.calls", description: "Grain calls made.");

    public static readonly Counter<long> CallFailures = Meter.CreateCounter<long>("orleansshop.runtime.call.failures", description: "Grain calls that completed with an exception.");

    public static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>("orleansshop.runtime.call.duration", unit: "ms", description: "Time from making a grain call to its result.");
}
