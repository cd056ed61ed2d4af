using System.Globalization;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Sql.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>The real-cluster configuration: the grain directory in the PostgreSQL database the silos share.</summary>
public sealed class PostgresPlacementProcessTests(PostgresServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Random_placed_grains_called_from_both_silos_have_one_activation_each_and_serve_again_on_the_survivor_of_a_kill()
    {
        await using var cluster = await PostgresSilos.CreateAsync(server, Ct);
        var silos = await cluster.StartAsync(2, ["--cluster", "pg"], Ct);
        var (a, b) = (silos[0], silos[1]);
        var addressA = SiloAddress.Parse(await a.RequestAsync("whoami", Ct));
        var addressB = SiloAddress.Parse(await b.RequestAsync("whoami", Ct));

        var replies = await Task.WhenAll(a.RequestAsync("placedmany random p 30", Ct), b.RequestAsync("placedmany random p 30", Ct));
        var fromA = Visits(replies[0]);
        var fromB = Visits(replies[1]);
        Assert.All(fromA, p => Assert.Equal(p.Value[..^2], fromB[p.Key][..^2])); // same silo and activation from both
        Assert.All(fromA, p => Assert.Equal(3, int.Parse(p.Value[^1..], CultureInfo.InvariantCulture) + int.Parse(fromB[p.Key][^1..], CultureInfo.InvariantCulture)));
        Assert.Contains(fromA.Values, v => v.StartsWith(addressB.ToString() + " ", StringComparison.Ordinal));

        b.Kill();
        var reply = await a.RequestAsync("recoverplaced random p 30", Ct);
        var after = Visits(reply[(reply.IndexOf(';', StringComparison.Ordinal) + 1)..]);

        Assert.All(after.Values, v => Assert.StartsWith(addressA.ToString() + " ", v, StringComparison.Ordinal));
        await using var directory = SqlGrainDirectory.CreatePostgres("pg", new PostgresStorageOptions { ConnectionString = cluster.Database });
        foreach (var key in after.Keys)
        {
            Assert.Equal(addressA, (await directory.LookupAsync(new GrainId("randomplaced", key), Ct))?.Silo);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"PostgreSQL: kill -9 to all 30 random-placed grains served on the survivor: {reply[..reply.IndexOf(';', StringComparison.Ordinal)]} ms");
    }

    // "key silo activation visits" (visits below 10 here) by key.
    private static Dictionary<string, string> Visits(string reply) =>
        reply.Split(',').Select(v => v.Split(' ', 2)).ToDictionary(p => p[0], p => p[1]);
}
