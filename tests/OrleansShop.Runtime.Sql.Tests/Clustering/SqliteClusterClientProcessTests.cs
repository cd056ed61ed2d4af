using System.Diagnostics;
using System.Globalization;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>
/// A cluster client process (the test host with --client: OrleansShop:Cluster:Mode = Client) beside two silo
/// processes sharing one SQLite file: where its calls run, what it writes to the membership table, and how it rides
/// out a silo's crash.
/// </summary>
public sealed class SqliteClusterClientProcessTests : IAsyncDisposable
{
    private readonly SqliteSilos _cluster = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task A_client_sends_each_call_to_the_silo_owning_the_grain_and_never_writes_the_membership_table()
    {
        var (a, addressA, b, addressB) = await _cluster.StartTwoAsync();
        var before = await _cluster.Table().ReadAllAsync(Ct);

        var (client, clientAddress) = await _cluster.StartAsync("--client");
        await client.RequestAsync("waitactive 2", Ct);
        var pingOnA = await client.RequestAsync($"keyon {addressA} 1 ping", Ct);
        var pingOnB = await client.RequestAsync($"keyon {addressB} 1 ping", Ct);
        var journalOnB = await client.RequestAsync($"keyon {addressB} 2 journal", Ct);

        // Each grain reports the silo it runs on (a grain run by the client would report the client) and sees the
        // client's request context.
        Assert.Equal($"{addressA} from-client-a", await client.RequestAsync($"where {pingOnA} from-client-a", Ct));
        Assert.Equal($"{addressB} from-client-b", await client.RequestAsync($"where {pingOnB} from-client-b", Ct));
        Assert.Equal("1", await client.RequestAsync($"append {journalOnB} from-client", Ct));
        await b.WaitForEventAsync($"activated {journalOnB} 0", ClusterBounds.Exit, Ct);
        Assert.Equal("2", await b.RequestAsync($"append {journalOnB} from-owner", Ct)); // the same activation
        Assert.Equal("from-client,from-owner", await client.RequestAsync($"read {journalOnB}", Ct));

        var during = await _cluster.Table().ReadAllAsync(Ct);
        Assert.Equal(before.Version, during.Version);
        Assert.Equal(2, during.Entries.Count);
        Assert.Equal(SiloStatus.Active, during.Find(addressA)?.Status);
        Assert.Equal(SiloStatus.Active, during.Find(addressB)?.Status);
        Assert.Null(during.Find(clientAddress));
        Assert.Equal(0, clientAddress.Port); // it listens nowhere

        Assert.Equal(0, await client.StopAsync(ClusterBounds.Exit, Ct));
        var after = await _cluster.Table().ReadAllAsync(Ct);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(2, after.Entries.Count);
    }

    [Fact]
    public async Task A_clients_calls_to_a_killed_silos_grains_succeed_again_once_it_is_declared_dead()
    {
        var (survivor, survivorAddress, victim, victimAddress) = await _cluster.StartTwoAsync();
        var (client, _) = await _cluster.StartAsync("--client");
        await client.RequestAsync("waitactive 2", Ct);
        var journal = await client.RequestAsync($"keyon {victimAddress} 3 journal", Ct);
        var ping = await client.RequestAsync($"keyon {victimAddress} 3 ping", Ct);
        Assert.Equal("1", await client.RequestAsync($"append {journal} before-kill", Ct));
        Assert.Equal($"{victimAddress} -", await client.RequestAsync($"where {ping} -", Ct));

        var clock = Stopwatch.StartNew();
        victim.Kill();
        var recovery = TimeSpan.FromMilliseconds(int.Parse(await client.RequestAsync($"recover {journal}", Ct), CultureInfo.InvariantCulture));

        Assert.True(recovery < ClusterBounds.Detection, $"the grain served again only after {recovery}");
        Assert.Equal("before-kill", await client.RequestAsync($"read {journal}", Ct));
        Assert.Equal($"{survivorAddress} -", await client.RequestAsync($"where {ping} -", Ct));
        var data = await _cluster.Table().ReadAllAsync(Ct);
        Assert.Equal(SiloStatus.Dead, data.Find(victimAddress)?.Status);
        Assert.Equal(2, data.Entries.Count);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"kill -9 to the client's first successful call to a former grain: {recovery.TotalMilliseconds:0} ms ({clock.ElapsedMilliseconds} ms with the checks)");
    }
}
