using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Placement;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>What every dialect's grain directory must do: one entry per grain, first registration wins, exact removal.</summary>
public abstract class GrainDirectoryContract : IAsyncDisposable
{
    private static readonly SiloAddress s_siloA = new("10.0.0.1", 11111, 1001);
    private static readonly SiloAddress s_siloB = new("10.0.0.2", 11111, 1002);
    private readonly List<SqlGrainDirectory> _directories = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected string ClusterId { get; } = "c" + Guid.NewGuid().ToString("N");

    protected abstract SqlGrainDirectory NewDirectory(string clusterId);

    public async ValueTask DisposeAsync()
    {
        foreach (var directory in _directories)
        {
            await directory.DisposeAsync();
        }

        await DisposeDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeDatabaseAsync() => ValueTask.CompletedTask;

    protected SqlGrainDirectory Track(SqlGrainDirectory directory)
    {
        _directories.Add(directory);
        return directory;
    }

    [Fact]
    public async Task A_grain_without_an_entry_looks_up_as_null()
    {
        var directory = NewDirectory(ClusterId);

        Assert.Null(await directory.LookupAsync(Grain("nobody"), Ct));
    }

    [Fact]
    public async Task The_first_registration_wins_and_reads_back_whole()
    {
        var directory = NewDirectory(ClusterId);
        var first = new GrainAddress(Grain("cart/1"), s_siloA, "act-a");

        Assert.Equal(first, await directory.RegisterAsync(first, Ct));
        Assert.Equal(first, await directory.LookupAsync(first.GrainId, Ct));
    }

    [Fact]
    public async Task A_later_registration_of_the_same_grain_gets_the_first_entry_and_changes_nothing()
    {
        var directory = NewDirectory(ClusterId);
        var first = new GrainAddress(Grain("k"), s_siloA, "act-a");
        var second = new GrainAddress(Grain("k"), s_siloB, "act-b");
        await directory.RegisterAsync(first, Ct);

        Assert.Equal(first, await directory.RegisterAsync(second, Ct));
        Assert.Equal(first, await directory.LookupAsync(first.GrainId, Ct));
    }

    [Fact]
    public async Task Concurrent_registrations_through_separate_connections_agree_on_one_winner()
    {
        var directories = Enumerable.Range(0, 6).Select(_ => NewDirectory(ClusterId)).ToArray();
        var grain = Grain("contended");

        var holders = await Task.WhenAll(directories.Select((d, i) =>
            d.RegisterAsync(new GrainAddress(grain, new SiloAddress("10.0.0." + i, 11111, i), "act-" + i), Ct)));

        var winner = Assert.Single(holders.Distinct());
        Assert.Equal(winner, await directories[0].LookupAsync(grain, Ct));
    }

    [Fact]
    public async Task Unregister_removes_only_the_exact_entry()
    {
        var directory = NewDirectory(ClusterId);
        var entry = new GrainAddress(Grain("k"), s_siloA, "act-a");
        await directory.RegisterAsync(entry, Ct);

        // Same grain and silo, another activation; same activation id, another silo incarnation.
        Assert.False(await directory.UnregisterAsync(entry with { ActivationId = "act-older" }, Ct));
        Assert.False(await directory.UnregisterAsync(entry with { Silo = s_siloA with { Generation = 999 } }, Ct));
        Assert.Equal(entry, await directory.LookupAsync(entry.GrainId, Ct));

        Assert.True(await directory.UnregisterAsync(entry, Ct));
        Assert.Null(await directory.LookupAsync(entry.GrainId, Ct));
        Assert.False(await directory.UnregisterAsync(entry, Ct));
    }

    [Fact]
    public async Task A_dead_silos_entry_is_replaced_by_removing_exactly_it_then_registering()
    {
        var directory = NewDirectory(ClusterId);
        var dead = new GrainAddress(Grain("k"), s_siloA, "act-a");
        await directory.RegisterAsync(dead, Ct);
        var replacement = new GrainAddress(Grain("k"), s_siloB, "act-b");

        Assert.True(await directory.UnregisterAsync(dead, Ct));
        Assert.Equal(replacement, await directory.RegisterAsync(replacement, Ct));

        // A second silo that saw the same dead entry removes nothing: the replacement stays.
        Assert.False(await directory.UnregisterAsync(dead, Ct));
        Assert.Equal(replacement, await directory.LookupAsync(dead.GrainId, Ct));
    }

    [Fact]
    public async Task Clusters_sharing_a_database_have_separate_entries()
    {
        var ours = NewDirectory(ClusterId);
        var theirs = NewDirectory(ClusterId + "x");
        var grain = Grain("shared-key");

        await ours.RegisterAsync(new GrainAddress(grain, s_siloA, "act-a"), Ct);
        var theirEntry = new GrainAddress(grain, s_siloB, "act-b");

        Assert.Equal(theirEntry, await theirs.RegisterAsync(theirEntry, Ct));
        Assert.Equal(s_siloA, (await ours.LookupAsync(grain, Ct))?.Silo);
    }

    [Fact]
    public async Task Grain_types_with_the_same_key_have_separate_entries_and_keys_keep_their_characters()
    {
        var directory = NewDirectory(ClusterId);
        var key = "o'brien/\"x\"; DROP TABLE --é";
        var cart = new GrainAddress(new GrainId("cart", key), s_siloA, "a");
        var order = new GrainAddress(new GrainId("order", key), s_siloB, "b");

        await directory.RegisterAsync(cart, Ct);
        await directory.RegisterAsync(order, Ct);

        Assert.Equal(cart, await directory.LookupAsync(cart.GrainId, Ct));
        Assert.Equal(order, await directory.LookupAsync(order.GrainId, Ct));
    }

    private static GrainId Grain(string key) => new("placedtest", key);
}
