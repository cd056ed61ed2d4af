using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using OrleansShop.Runtime;
using OrleansShop.Runtime.Sql;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Benchmarks.Storage;

/// <summary>
/// The storage half of grain activation: reading one grain's state by key from SQLite, from 10,000 stored grains.
/// One operation = one state read (JSON deserialization included). The engine's activation path will be added
/// here later; until then this is the ceiling the provider puts on activations per second.
/// </summary>
[Config(typeof(StorageBenchmarkConfig))]
public class SqliteStateReadBenchmarks
{
    private const int StoredGrains = 10_000;
    private const int Readers = 100;
    private const int ReadsPerReader = 20;
    private const int SequentialReads = 2_000;

    private string _directory = "";
    private SqlGrainStorage _storage = null!;
    private SqliteConnection _raw = null!;
    private SqliteCommand _rawRead = null!;
    private JsonSerializerOptions _json = null!;

    // Synchronous: the in-process toolchain (--inProcess) does not wait for an async GlobalSetup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "orleansshop-bench-read-" + Guid.NewGuid().ToString("N"));
        var options = new SqliteStorageOptions { DataDirectory = _directory };
        options.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, BenchmarkJsonContext.Default);
        _storage = SqlGrainStorage.CreateSqlite("bench", options);
        await Task.WhenAll(Enumerable.Range(0, StoredGrains).Select(i => _storage.WriteStateAsync(
            "cart",
            GrainOf(i),
            new GrainState<BenchmarkState>(new BenchmarkState("shopper-" + i, 3, ["sku-1001 x1 19.99 EUR", "sku-2002 x2 5.00 EUR"], 29.99m, "EUR")))));

        _json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        _json.TypeInfoResolverChain.Insert(0, BenchmarkJsonContext.Default);
        _raw = new SqliteConnection($"Data Source={options.DatabasePath};Pooling=false");
        _raw.Open();
        _rawRead = _raw.CreateCommand();
        _rawRead.CommandText =
            "SELECT Payload, Version FROM OrleansShopGrainState WHERE ServiceId = @ServiceId AND GrainType = @GrainType AND GrainKey = @GrainKey AND StateName = @StateName";
    }

    private async Task CleanupAsync()
    {
        await _storage.DisposeAsync();
        _rawRead.Dispose();
        _raw.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SequentialReads, Description = "raw: one connection, prepared SELECT + JSON, one caller")]
    public void RawOneCaller()
    {
        for (var n = 0; n < SequentialReads; n++)
        {
            var grain = n * 7919 % StoredGrains;
            _rawRead.Parameters.Clear();
            _rawRead.Parameters.AddWithValue("@ServiceId", "default");
            _rawRead.Parameters.AddWithValue("@GrainType", "CartGrain");
            _rawRead.Parameters.AddWithValue("@GrainKey", "cart-" + grain);
            _rawRead.Parameters.AddWithValue("@StateName", "cart");
            using var reader = _rawRead.ExecuteReader();
            if (!reader.Read() || JsonSerializer.Deserialize<BenchmarkState>(reader.GetString(0), _json) is null)
            {
                throw new InvalidOperationException($"grain {grain} has no state");
            }
        }
    }

    [Benchmark(OperationsPerInvoke = SequentialReads, Description = "SqlGrainStorage: read state by key, one caller")]
    public async Task OneCaller()
    {
        for (var n = 0; n < SequentialReads; n++)
        {
            await ReadAsync(n * 7919 % StoredGrains);
        }
    }

    [Benchmark(OperationsPerInvoke = Readers * ReadsPerReader, Description = "SqlGrainStorage: read state by key, 100 concurrent callers")]
    public Task HundredConcurrentCallers() =>
        Task.WhenAll(Enumerable.Range(0, Readers).Select(r => Task.Run(async () =>
        {
            for (var n = 0; n < ReadsPerReader; n++)
            {
                await ReadAsync(((r * ReadsPerReader) + n) * 7919 % StoredGrains);
            }
        })));

    private static GrainId GrainOf(int i) => new("CartGrain", "cart-" + i);

    private async Task ReadAsync(int grain)
    {
        var state = new GrainState<BenchmarkState>(null!);
        await _storage.ReadStateAsync("cart", GrainOf(grain), state);
        if (!state.RecordExists)
        {
            throw new InvalidOperationException($"grain {grain} has no state");
        }
    }
}
