using System.Diagnostics;
using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.Sql.Tests.Support;

/// <summary>
/// Test-host processes forming one cluster through a SQLite file in a directory of their own, and the test's own view
/// of that file's membership table and grain directory. Disposing it kills what is still running and deletes the file.
/// </summary>
public sealed class SqliteSilos : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly List<SiloProcess> _processes = [];
    private SqlMembershipTable? _table;
    private SqlGrainDirectory? _grainDirectory;

    /// <param name="clusterIdPrefix">Only tells the test classes' clusters apart in logs; the id itself is unique.</param>
    public SqliteSilos(string clusterIdPrefix = "c")
    {
        ClusterId = clusterIdPrefix + Guid.NewGuid().ToString("N")[..8];
    }

    public string ClusterId { get; }

    /// <summary>The folder holding the shared SQLite file (orleansshop.db).</summary>
    public string DataDirectory => _directory.Path;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts a test host in the cluster (a client with <c>--client</c>) and asks it for its address.</summary>
    public async Task<(SiloProcess Process, SiloAddress Address)> StartAsync(params string[] arguments)
    {
        var process = await SiloProcess.StartAsync(_directory.Path, null, ["--cluster", ClusterId, .. arguments], Ct);
        _processes.Add(process);
        return (process, SiloAddress.Parse(await process.RequestAsync("whoami", Ct)));
    }

    /// <summary>Starts two silos and waits until each sees both Active.</summary>
    public async Task<(SiloProcess A, SiloAddress AddressA, SiloProcess B, SiloAddress AddressB)> StartTwoAsync()
    {
        var (a, addressA) = await StartAsync();
        var (b, addressB) = await StartAsync();
        await SiloProcess.SeeEachOtherAsync(Ct, a, b);
        return (a, addressA, b, addressB);
    }

    public SqlMembershipTable Table() =>
        _table ??= SqlMembershipTable.CreateSqlite(ClusterId, new SqliteStorageOptions { DataDirectory = _directory.Path, ReadConnections = 1 });

    public SqlGrainDirectory Directory() =>
        _grainDirectory ??= SqlGrainDirectory.CreateSqlite(ClusterId, new SqliteStorageOptions { DataDirectory = _directory.Path, ReadConnections = 1 });

    /// <summary>Reads the membership table until <paramref name="condition"/> holds; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<MembershipTableData> WaitForAsync(Func<MembershipTableData, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var data = await Table().ReadAllAsync(Ct);
            if (condition(data))
            {
                return data;
            }

            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"The membership table did not reach the expected state within {timeout}: {string.Join(", ", data.Entries.Select(e => $"{e.Silo} {e.Status}"))}");
            }

            await Task.Delay(100, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        if (_table is not null)
        {
            await _table.DisposeAsync();
        }

        if (_grainDirectory is not null)
        {
            await _grainDirectory.DisposeAsync();
        }

        _directory.Dispose();
    }
}
