using System.Globalization;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>
/// Directory-placed grains ([RandomPlacement], [PreferLocalPlacement] in tests/OrleansShop.Runtime.TestHost) in a
/// cluster of silo processes sharing a SQLite file: where they activate, that every silo reaches the one activation,
/// and that they serve again after the silo holding them is killed.
/// </summary>
public sealed class SqlitePlacementProcessTests : IAsyncDisposable
{
    private readonly SqliteSilos _cluster = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task A_prefer_local_grain_activates_on_its_first_callers_silo_and_calls_from_the_other_silo_reach_that_activation()
    {
        var (a, addressA, b, addressB) = await _cluster.StartTwoAsync();

        var first = Visit.Parse(await a.RequestAsync("placed local cart-1", Ct));
        var fromB = Visit.Parse(await b.RequestAsync("placed local cart-1", Ct));
        var again = Visit.Parse(await b.RequestAsync("placed local cart-1", Ct));
        var otherFirstFromB = Visit.Parse(await b.RequestAsync("placed local cart-2", Ct));

        Assert.Equal(addressA, first.Silo);
        Assert.Equal(1, first.Visits);
        Assert.Equal((addressA, first.Activation, 2), (fromB.Silo, fromB.Activation, fromB.Visits));
        Assert.Equal((addressA, first.Activation, 3), (again.Silo, again.Activation, again.Visits));
        Assert.Equal(addressB, otherFirstFromB.Silo);
        Assert.Equal(addressA, (await _cluster.Directory().LookupAsync(new GrainId("localplaced", "cart-1"), Ct))?.Silo);
        TestContext.Current.TestOutputHelper?.WriteLine($"cart-1 first called on {addressA}: served by {fromB.Silo} when called from {addressB}");
    }

    [Fact]
    public async Task Random_placed_grains_spread_over_both_silos_and_concurrent_first_calls_from_both_reach_one_activation_each()
    {
        var (a, addressA, b, addressB) = await _cluster.StartTwoAsync();

        // Both silos call the same 40 new grains at once: each picks a random silo, so many first calls race.
        var replies = await Task.WhenAll(a.RequestAsync("placedmany random r 40", Ct), b.RequestAsync("placedmany random r 40", Ct));
        var fromA = Visit.ParseMany(replies[0]);
        var fromB = Visit.ParseMany(replies[1]);

        foreach (var (key, visitA) in fromA)
        {
            var visitB = fromB[key];
            Assert.Equal((visitA.Silo, visitA.Activation), (visitB.Silo, visitB.Activation));
            Assert.Equal([1, 2], new[] { visitA.Visits, visitB.Visits }.Order());
            Assert.Equal(visitA.Silo, (await _cluster.Directory().LookupAsync(new GrainId("randomplaced", key), Ct))?.Silo);
        }

        var perSilo = fromA.Values.GroupBy(v => v.Silo).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(perSilo.Keys.ToHashSet().SetEquals([addressA, addressB]), $"grains on {string.Join(", ", perSilo.Keys)} only");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", perSilo.Select(p => $"{p.Key}: {p.Value} grains")));
    }

    [Fact]
    public async Task Random_placed_grains_of_a_killed_silo_serve_again_on_the_survivor()
    {
        var (survivor, survivorAddress, victim, victimAddress) = await _cluster.StartTwoAsync();
        var before = Visit.ParseMany(await survivor.RequestAsync("placedmany random k 30", Ct));
        var lost = before.Where(p => p.Value.Silo == victimAddress).Select(p => p.Key).ToHashSet();
        Assert.NotEmpty(lost);
        Assert.NotEqual(before.Count, lost.Count);

        victim.Kill();
        var reply = await survivor.RequestAsync("recoverplaced random k 30", Ct);
        var recovery = TimeSpan.FromMilliseconds(int.Parse(reply[..reply.IndexOf(';', StringComparison.Ordinal)], CultureInfo.InvariantCulture));
        var after = Visit.ParseMany(reply[(reply.IndexOf(';', StringComparison.Ordinal) + 1)..]);

        Assert.True(recovery < ClusterBounds.Detection, $"the grains served again only after {recovery}");
        foreach (var (key, visit) in after)
        {
            Assert.Equal(survivorAddress, visit.Silo);

            // A grain that lived on the survivor is the same activation; one that lived on the victim starts afresh.
            Assert.Equal(lost.Contains(key) ? 1 : 2, visit.Visits);
            Assert.Equal(lost.Contains(key) ? visit.Activation : before[key].Activation, visit.Activation);
            Assert.Equal(survivorAddress, (await _cluster.Directory().LookupAsync(new GrainId("randomplaced", key), Ct))?.Silo);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"kill -9 of the silo holding {lost.Count} of 30 random-placed grains to all of them served on the survivor: {recovery.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_silo_that_leaves_cleanly_removes_its_directory_entries_and_its_grains_activate_again_elsewhere()
    {
        var (a, addressA, b, addressB) = await _cluster.StartTwoAsync();
        var onB = Visit.ParseMany(await b.RequestAsync("placedmany local leaving 10", Ct));
        Assert.All(onB.Values, v => Assert.Equal(addressB, v.Silo));
        Assert.All(Visit.ParseMany(await a.RequestAsync("placedmany local leaving 10", Ct)).Values, v => Assert.Equal((addressB, 2), (v.Silo, v.Visits)));

        Assert.Equal(0, await b.StopAsync(ClusterBounds.Exit, Ct));

        foreach (var key in onB.Keys)
        {
            Assert.Null(await _cluster.Directory().LookupAsync(new GrainId("localplaced", key), Ct));
        }

        var after = Visit.ParseMany(await a.RequestAsync("placedmany local leaving 10", Ct));
        Assert.All(after.Values, v => Assert.Equal((addressA, 1), (v.Silo, v.Visits)));
    }

    private sealed record Visit(SiloAddress Silo, string Activation, int Visits)
    {
        public static Visit Parse(string reply)
        {
            var parts = reply.Split(' ');
            return new Visit(SiloAddress.Parse(parts[0]), parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture));
        }

        public static Dictionary<string, Visit> ParseMany(string reply) =>
            reply.Split(',').Select(v => v.Split(' ', 2)).ToDictionary(p => p[0], p => Parse(p[1]));
    }
}
