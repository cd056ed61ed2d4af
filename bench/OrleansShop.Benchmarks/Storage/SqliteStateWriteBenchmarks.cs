using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using OrleansShop.Runtime;
using OrleansShop.Runtime.Sql;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Benchmarks.Storage;

/// <summary>
/// Durable state writes to SQLite from 100 concurrent writers, each updating its own grain's state with its ETag.
/// Baseline: the same writes through one connection, one transaction per write, serialized by a lock. Measured:
/// <see cref="SqlGrainStorage"/>, whose single writer commits whatever writes are queued as one transaction.
/// Both complete a write only after its commit (WAL, synchronous=NORMAL). One operation = one write.
/// </summary>
[Config(typeof(StorageBenchmarkConfig))]
public class SqliteStateWriteBenchmarks
{
    private const int Writers = 100;
    private const int WritesPerWriter = 20;
    private const int Operations = Writers * WritesPerWriter;

    private readonly SemaphoreSlim _baselineLock = new(1, 1);
    private readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);
    private string _directory = "";
    private SqlGrainStorage _storage = null!;
    private GrainState<BenchmarkState>[] _states = [];
    private SqliteConnection _baseline = null!;
    private SqliteCommand _baselineUpdate = null!;
    private long[] _baselineVersions = [];

    // Synchronous: the in-process toolchain (--inProcess) does not wait for an async GlobalSetup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "orleansshop-bench-write-" + Guid.NewGuid().ToString("N"));
        _json.TypeInfoResolverChain.Insert(0, BenchmarkJsonContext.Default);

        var options = new SqliteStorageOptions { DataDirectory = _directory, DatabaseFileName = "storage.db" };
        options.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, BenchmarkJsonContext.Default);
        _storage = SqlGrainStorage.CreateSqlite("bench", options);
        _states = new GrainState<BenchmarkState>[Writers];
        for (var i = 0; i < Writers; i++)
        {
            _states[i] = new GrainState<BenchmarkState>(NewState(i, 0));
            await _storage.WriteStateAsync("cart", GrainOf(i), _states[i]);
        }

        var baselineOptions = new SqliteStorageOptions { DataDirectory = _directory, DatabaseFileName = "baseline.db" };
        await SqlSchemaMigrator.ForSqlite(baselineOptions).MigrateAsync();
        _baseline = new SqliteConnection($"Data Source={baselineOptions.DatabasePath};Pooling=false");
        _baseline.Open();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        _baselineVersions = new long[Writers];
        for (var i = 0; i < Writers; i++)
        {
            Execute(
                "INSERT INTO OrleansShopGrainState (ServiceId, GrainType, GrainKey, StateName, Payload, Version, ModifiedOn) " +
                $"VALUES ('default', 'CartGrain', 'cart-{i}', 'cart', '{{}}', 1, '2026-11-22')");
            _baselineVersions[i] = 1;
        }

        _baselineUpdate = _baseline.CreateCommand();
        _baselineUpdate.CommandText =
            "UPDATE OrleansShopGrainState SET Payload = @Payload, Version = Version + 1, ModifiedOn = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') " +
            "WHERE ServiceId = @ServiceId AND GrainType = @GrainType AND GrainKey = @GrainKey AND StateName = @StateName AND Version = @Version";
    }

    private async Task CleanupAsync()
    {
        await _storage.DisposeAsync();
        _baselineUpdate.Dispose();
        _baseline.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations, Description = "100 writers, one connection, one transaction per write")]
    public Task OneConnectionOneTransactionPerWrite() =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            for (var n = 0; n < WritesPerWriter; n++)
            {
                var payload = JsonSerializer.Serialize(NewState(i, n), _json);
                await _baselineLock.WaitAsync();
                try
                {
                    using var begin = _baseline.CreateCommand();
                    begin.CommandText = "BEGIN IMMEDIATE";
                    begin.ExecuteNonQuery();
                    _baselineUpdate.Parameters.Clear();
                    _baselineUpdate.Parameters.AddWithValue("@ServiceId", "default");
                    _baselineUpdate.Parameters.AddWithValue("@GrainType", "CartGrain");
                    _baselineUpdate.Parameters.AddWithValue("@GrainKey", "cart-" + i);
                    _baselineUpdate.Parameters.AddWithValue("@StateName", "cart");
                    _baselineUpdate.Parameters.AddWithValue("@Payload", payload);
                    _baselineUpdate.Parameters.AddWithValue("@Version", _baselineVersions[i]);
                    if (_baselineUpdate.ExecuteNonQuery() != 1)
                    {
                        throw new InvalidOperationException("baseline write conflicted");
                    }

                    using var commit = _baseline.CreateCommand();
                    commit.CommandText = "COMMIT";
                    commit.ExecuteNonQuery();
                    _baselineVersions[i]++;
                }
                finally
                {
                    _baselineLock.Release();
                }
            }
        })));

    [Benchmark(OperationsPerInvoke = Operations, Description = "100 writers, SqlGrainStorage (queued group commit)")]
    public Task SqlGrainStorageGroupCommit() =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            var state = _states[i];
            for (var n = 0; n < WritesPerWriter; n++)
            {
                state.State = NewState(i, n);
                await _storage.WriteStateAsync("cart", GrainOf(i), state);
            }
        })));

    private static GrainId GrainOf(int i) => new("CartGrain", "cart-" + i);

    private static BenchmarkState NewState(int grain, int n) => new(
        "shopper-" + grain + "@example.com",
        n,
        ["sku-1001 x1 19.99 EUR", "sku-2002 x2 5.00 EUR", "sku-3003 x1 120.00 EUR", "sku-4004 x3 1.50 EUR", "sku-5005 x1 42.00 EUR"],
        191.49m + n,
        "EUR");

    private void Execute(string sql)
    {
        using var command = _baseline.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
