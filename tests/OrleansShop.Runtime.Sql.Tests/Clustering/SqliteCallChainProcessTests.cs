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

    private readonly SqliteSilos _cluster = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task A_cycle_across_two_silos_fails_fast_with_DeadlockException_and_leaves_both_grains_free()
    {
        var (a, addressA, b, addressB) = await _cluster.StartTwoAsync();
        var keyA = await a.RequestAsync($"keyon {addressA} 1 chain", Ct);
        var keyB = await a.RequestAsync($"keyon {addressB} 1 chain", Ct);

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => a.RequestAsync($"chain plain {keyA} {keyB} {keyA}", Ct));
        var elapsed = clock.Elapsed;

        Assert.Contains("error DeadlockException", error.Message, StringComparison.Ordinal);
        Assert.Contains(keyA, error.Message, StringComparison.Ordinal);
        Assert.True(elapsed < s_fastBound, $"the cycle failed only after {elapsed}");

        // Nothing stays blocked: the same grains answer a chain in the other direction at once.
        Assert.Equal($"{addressB} -> {addressA} -> {addressB}", await b.RequestAsync($"chain reenter {keyB} {keyA} {keyB}", Ct));
        TestContext.Current.TestOutputHelper?.WriteLine($"A -> B -> A across silos failed after {elapsed.TotalMilliseconds:0} ms: {error.Message}");
    }

    [Fact]
    public async Task A_cycle_that_closes_after_passing_back_through_the_first_silo_is_seen_where_it_closes()
    {
        var (a, addressA, b, addressB) = await _cluster.StartTwoAsync();
        var keyA = await a.RequestAsync($"keyon {addressA} 3 chain", Ct);
        var keyB = await a.RequestAsync($"keyon {addressB} 3 chain", Ct);
        var keyC = await a.RequestAsync($"keyon {addressA} 4 chain", Ct);

        // A (silo a) -> B (silo b) -> C (silo a) -> B: B's silo must see itself in the chain C's silo passed on.
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => a.RequestAsync($"chain plain {keyA} {keyB} {keyC} {keyB}", Ct));

        Assert.Contains("error DeadlockException", error.Message, StringComparison.Ordinal);
        Assert.Contains(keyB, error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < s_fastBound, $"the cycle failed only after {clock.Elapsed}");
        Assert.Equal(
            $"{addressA} -> {addressB} -> {addressA} -> {addressB}",
            await a.RequestAsync($"chain reenter {keyA} {keyB} {keyC} {keyB}", Ct));
    }

    [Fact]
    public async Task A_cycle_across_two_silos_completes_inside_AllowCallChainReentrancy_also_from_a_cluster_client()
    {
        var (a, addressA, b, addressB) = await _cluster.StartTwoAsync();
        var (client, _) = await _cluster.StartAsync("--client");
        await client.RequestAsync("waitactive 2", Ct);
        var keyA = await client.RequestAsync($"keyon {addressA} 2 chain", Ct);
        var keyB = await client.RequestAsync($"keyon {addressB} 2 chain", Ct);

        var clock = Stopwatch.StartNew();
        Assert.Equal($"{addressA} -> {addressB} -> {addressA}", await a.RequestAsync($"chain reenter {keyA} {keyB} {keyA}", Ct));
        Assert.Equal($"{addressA} -> {addressB} -> {addressA}", await client.RequestAsync($"chain reenter {keyA} {keyB} {keyA}", Ct));
        Assert.True(clock.Elapsed < s_fastBound, $"the reentrant chains took {clock.Elapsed}");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RequestAsync($"chain plain {keyA} {keyB} {keyA}", Ct));
        Assert.Contains("error DeadlockException", error.Message, StringComparison.Ordinal);
    }
}
