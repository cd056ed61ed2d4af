using System.Diagnostics;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>
/// Call chains that leave a silo and come back (test host chain grains, non-reentrant): grain A on one silo calls B on
/// the other, which calls A back while A still waits. The cycle must be seen where it closes, as within one silo.
/// </summary>
public sealed class SqliteCallChainProcessTests : IAsyncDisposable
{
    // The response timeout is 30 s: a cycle that went unseen would wait that long.
    private static readonly TimeSpan s_fastBound = TimeSpan.FromSeconds(5);

    private readonly TemporaryDirectory _directory = new();
    private readonly string _clusterId = "c" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<SiloProcess> _processes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task A_cycle_across_two_silos_fails_fast_with_DeadlockException_and_leaves_both_grains_free()
    {
        var (a, addressA) = await StartAsync();
        var (b, addressB) = await StartAsync();
        await a.RequestAsync("waitactive 2", Ct);
        await b.RequestAsync("waitactive 2", Ct);
        var keyA = await a.RequestAsync($"keyon {addressA} 1 chain", Ct);
        var keyB = await a.RequestAsync($"keyon {addressB} 1 chain", Ct);

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => a.RequestAsync($"chain {keyA} {keyB} plain", Ct));
        var elapsed = clock.Elapsed;

        Assert.Contains("error DeadlockException", error.Message, StringComparison.Ordinal);
        Assert.Contains(keyA, error.Message, StringComparison.Ordinal);
        Assert.True(elapsed < s_fastBound, $"the cycle failed only after {elapsed}");

        // Nothing stays blocked: the same grains answer a chain in the other direction at once.
        Assert.Equal($"{addressA} -> {addressB}", await b.RequestAsync($"chain {keyB} {keyA} reenter", Ct));
        TestContext.Current.TestOutputHelper?.WriteLine($"A -> B -> A across silos failed after {elapsed.TotalMilliseconds:0} ms: {error.Message}");
    }

    [Fact]
    public async Task A_cycle_across_two_silos_completes_inside_AllowCallChainReentrancy_also_from_a_cluster_client()
    {
        var (a, addressA) = await StartAsync();
        var (b, addressB) = await StartAsync();
        await a.RequestAsync("waitactive 2", Ct);
        await b.RequestAsync("waitactive 2", Ct);
        var (client, _) = await StartAsync("--client");
        await client.RequestAsync("waitactive 2", Ct);
        var keyA = await client.RequestAsync($"keyon {addressA} 2 chain", Ct);
        var keyB = await client.RequestAsync($"keyon {addressB} 2 chain", Ct);

        var clock = Stopwatch.StartNew();
        Assert.Equal($"{addressB} -> {addressA}", await a.RequestAsync($"chain {keyA} {keyB} reenter", Ct));
        Assert.Equal($"{addressB} -> {addressA}", await client.RequestAsync($"chain {keyA} {keyB} reenter", Ct));
        Assert.True(clock.Elapsed < s_fastBound, $"the reentrant chains took {clock.Elapsed}");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RequestAsync($"chain {keyA} {keyB} plain", Ct));
        Assert.Contains("error DeadlockException", error.Message, StringComparison.Ordinal);
    }

    private async Task<(SiloProcess Process, SiloAddress Address)> StartAsync(params string[] arguments)
    {
        var process = await SiloProcess.StartAsync(_directory.Path, null, ["--cluster", _clusterId, .. arguments], Ct);
        _processes.Add(process);
        return (process, SiloAddress.Parse(await process.RequestAsync("whoami", Ct)));
    }
}
