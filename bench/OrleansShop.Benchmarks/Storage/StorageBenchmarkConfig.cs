using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace OrleansShop.Benchmarks.Storage;

/// <summary>Adds the median and operations per second (one operation = one state write or read) to the mean time per operation.</summary>
internal sealed class StorageBenchmarkConfig : ManualConfig
{
    public StorageBenchmarkConfig()
    {
        AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
