using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansShop.Runtime.Sql.Diagnostics;

/// <summary>
/// Storage instruments on the runtime's meter. Tags: <c>provider</c> (the registered provider name),
/// <c>dialect</c>, <c>operation</c>; failures add <c>reason</c> (conflict, too_large, error).
/// </summary>
internal static class StorageMetrics
{
    public const string MeterName = "OrleansShop.Runtime";

    private static readonly Meter s_meter = new(MeterName);

    private static readonly Counter<long> s_operations = s_meter.CreateCounter<long>(
        "orleansshop.storage.operations", "{operation}", "Grain state and reminder operations completed or failed.");

    private static readonly Counter<long> s_failures = s_meter.CreateCounter<long>(
        "orleansshop.storage.failures", "{operation}", "Grain state and reminder operations that failed, by reason.");

    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>(
        "orleansshop.storage.duration", "s", "Time from call to completion of a storage operation, including queueing.");

    private static readonly Histogram<int> s_writeBatchSize = s_meter.CreateHistogram<int>(
        "orleansshop.storage.sqlite.write_batch_size", "{write}", "Writes committed together by the SQLite writer.");

    public static void RecordOperation(string provider, string dialect, string operation, long startTimestamp)
    {
        var tags = new TagList { { "provider", provider }, { "dialect", dialect }, { "operation", operation } };
        s_operations.Add(1, tags);
        s_duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
    }

    public static void RecordFailure(string provider, string dialect, string operation, string reason, long startTimestamp)
    {
        RecordOperation(provider, dialect, operation, startTimestamp);
        s_failures.Add(1, new TagList { { "provider", provider }, { "dialect", dialect }, { "operation", operation }, { "reason", reason } });
    }

    public static void RecordWriteBatch(int size) => s_writeBatchSize.Record(size);
}
