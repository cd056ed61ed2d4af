using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Diagnostics;
using OrleansShop.Runtime.Placement;

namespace OrleansShop.Runtime.Clustering;

/// <summary>
/// This silo's membership protocol (after Orleans' MembershipAgent and MembershipTableManager): joins the table
/// (Joining, then Active), probes peers over the silo port, votes an unresponsive peer dead, heartbeats, and leaves
/// (ShuttingDown, then Dead) when the host stops. It stops the silo rather than serve on when the table says this
/// silo is dead, or when it has not managed to write a heartbeat for its whole lease. In client mode it only reads
/// the table on the refresh interval and keeps the transport's ring current: no row, no probes, no listener.
/// </summary>
internal sealed class MembershipAgent : IClusterMembership, IAsyncDisposable
{
    private readonly IMembershipTable _table;
    private readonly ClusterMembershipOptions _options;
    private readonly SiloRuntime _runtime;
    private readonly Transport.SiloTransport _transport;
    private readonly string _siloName;
    private readonly ILogger _logger;
    private readonly Dictionary<SiloAddress, PeerProbe> _probes = [];
    private readonly CancellationTokenSource _stop = new();
    private SiloListener? _listener;
    private Task _loops = Task.CompletedTask;
    private MembershipTableData _current = new([], 0);
    private IReadOnlyList<SiloAddress> _active = [];
    private ConsistentHashRing? _ring;
    private SiloAddress[] _suspects = [];
    private long _lastHeartbeat;
    private int _fatal;

    public MembershipAgent(
        IMembershipTable table,
        IOptions<ClusterMembershipOptions> options,
        IOptions<SiloOptions> silo,
        SiloRuntime runtime,
        Transport.SiloTransport transport,
        ILoggerFactory loggerFactory)
    {
        _transport = transport;
        _table = table;
        _options = options.Value;
        _siloName = silo.Value.SiloName;
        _runtime = runtime;
        _logger = loggerFactory.CreateLogger("OrleansShop.Runtime.Membership");
    }

    public SiloAddress LocalSilo { get; private set; }

    public MembershipTableData Current => Volatile.Read(ref _current);

    public IReadOnlyList<SiloAddress> ActiveSilos => Volatile.Read(ref _active);

    public SiloAddress? OwnerOf(GrainId grainId) =>
        Volatile.Read(ref _ring) is { IsEmpty: false } ring ? ring.OwnerOf(grainId) : null;

    /// <summary>Whether this silo has stopped serving because it is dead to the cluster or lost its lease.</summary>
    public bool HasFailed => Volatile.Read(ref _fatal) != 0;

    /// <summary>Whether this process is a cluster client: it reads the table but has no row and hosts no grains.</summary>
    public bool IsClient => _options.Mode == ClusterMode.Client;

    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        _options.Validate();
        if (IsClient)
        {
            await ConnectAsClientAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        _listener = new SiloListener(IPAddress.Parse(_options.ListenAddress), _options.SiloPort, _transport.Accept);
        LocalSilo = new SiloAddress(_options.AdvertisedHost, _listener.Port, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        _listener.Generation = LocalSilo.Generation;
        await _table.InitializeAsync(cancellationToken).ConfigureAwait(false);

        // An earlier incarnation on this endpoint crashed without leaving: it is dead, whatever its row says.
        await WriteUntilSettledAsync(
            data => data.Entries.FirstOrDefault(e => e.Silo.SameEndpoint(LocalSilo) && e.Silo.Generation < LocalSilo.Generation && e.Status != SiloStatus.Dead) is { } stale
                ? (stale with { Status = SiloStatus.Dead }, false)
                : null,
            cancellationToken).ConfigureAwait(false);

        var now = DateTimeOffset.UtcNow;
        var joining = new MembershipEntry(LocalSilo, _siloName, Dns.GetHostName(), SiloStatus.Joining, [], now, now);
        await WriteUntilSettledAsync(data => data.Find(LocalSilo) is null ? (joining, true) : null, cancellationToken).ConfigureAwait(false);
        MembershipLog.StatusWritten(_logger, LocalSilo, SiloStatus.Joining, _options.ClusterId);
        var joined = await WriteUntilSettledAsync(
            data => data.Find(LocalSilo) is { Status: SiloStatus.Joining } own ? (own with { Status = SiloStatus.Active }, false) : null,
            cancellationToken).ConfigureAwait(false);
        if (joined.Find(LocalSilo) is not { Status: SiloStatus.Active })
        {
            throw new InvalidOperationException($"Silo {LocalSilo} could not join cluster '{_options.ClusterId}': the table shows it as {joined.Find(LocalSilo)?.Status.ToString() ?? "missing"}.");
        }

        MembershipLog.StatusWritten(_logger, LocalSilo, SiloStatus.Active, _options.ClusterId);
        _transport.Start(LocalSilo, client: false);
        Publish(joined);
        _runtime.Cluster = _transport;
        Volatile.Write(ref _lastHeartbeat, Stopwatch.GetTimestamp());
        _loops = Task.WhenAll(Task.Run(ProbeLoopAsync), Task.Run(TableLoopAsync));
    }

    /// <summary>
    /// A client's start: one read of the table, then a refresh every <see cref="ClusterMembershipOptions.TableRefreshInterval"/>.
    /// Its identity (port 0: no silo listens there) only names it in call chains; it is never written anywhere.
    /// </summary>
    private async Task ConnectAsClientAsync(CancellationToken cancellationToken)
    {
        LocalSilo = new SiloAddress(_options.AdvertisedHost, 0, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        // Routing through the transport from the first moment: without a ring yet, a call waits for a silo rather
        // than activate its grain here.
        _transport.Start(LocalSilo, client: true);
        _runtime.Cluster = _transport;
        Publish(await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false));
        MembershipLog.ClientConnected(_logger, LocalSilo, _options.ClusterId, ActiveSilos.Count);
        _loops = Task.Run(TableLoopAsync);
    }

    /// <summary>Marks this silo ShuttingDown before its grains deactivate; it keeps answering probes meanwhile.</summary>
    public Task BeginLeaveAsync(CancellationToken cancellationToken) =>
        LeaveStepAsync(SiloStatus.ShuttingDown, cancellationToken);

    /// <summary>Marks this silo Dead once its grains are deactivated, and stops probing and answering probes.</summary>
    public async Task CompleteLeaveAsync(CancellationToken cancellationToken)
    {
        await StopLoopsAsync().ConfigureAwait(false);
        await LeaveStepAsync(SiloStatus.Dead, cancellationToken).ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopLoopsAsync().ConfigureAwait(false);
        _runtime.Cluster = null;
        await _transport.DisposeAsync().ConfigureAwait(false);
        if (Interlocked.Exchange(ref _listener, null) is { } listener)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var probe in _probes.Values)
        {
            probe.Dispose();
        }

        _probes.Clear();
    }

    private async Task LeaveStepAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        if (HasFailed || LocalSilo == default || IsClient)
        {
            // A silo declared dead must not rewrite its row; one without its lease cannot; a client has none.
            return;
        }

        try
        {
            await WriteUntilSettledAsync(
                data => data.Find(LocalSilo) is { } own && own.Status < status ? (own with { Status = status }, false) : null,
                cancellationToken).ConfigureAwait(false);
            MembershipLog.StatusWritten(_logger, LocalSilo, status, _options.ClusterId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            MembershipLog.LeaveFailed(_logger, ex, status);
        }
    }

    private async Task StopLoopsAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _loops.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Reads the table and applies <paramref name="decide"/>'s change as a conditional write, again and again, until
    /// <paramref name="decide"/> finds nothing left to do; a write lost to another silo is decided afresh.
    /// </summary>
    private async Task<MembershipTableData> WriteUntilSettledAsync(
        Func<MembershipTableData, (MembershipEntry Entry, bool Insert)?> decide, CancellationToken cancellationToken)
    {
        for (var conflicts = 0; ; )
        {
            var data = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            if (decide(data) is not { } change)
            {
                return data;
            }

            var written = change.Insert
                ? await _table.InsertRowAsync(change.Entry, data.Version, cancellationToken).ConfigureAwait(false)
                : await _table.UpdateRowAsync(change.Entry, data.Version, cancellationToken).ConfigureAwait(false);
            if (!written && ++conflicts > _options.MaxConflictRetries)
            {
                throw new InvalidOperationException(
                    $"Silo {LocalSilo} lost {conflicts} membership writes in a row to other silos in cluster '{_options.ClusterId}'.");
            }

            if (!written)
            {
                await Task.Delay(Random.Shared.Next(5, 50), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ProbeLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.ProbeInterval);
        var token = _stop.Token;
        while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
        {
            if (Stopwatch.GetElapsedTime(Volatile.Read(ref _lastHeartbeat)) > _options.LeaseDuration)
            {
                Fail($"no heartbeat reached the membership table for longer than the lease ({_options.LeaseDuration.TotalSeconds:0.#} s)");
                return;
            }

            // A silo whose own thread pool is this slow would count a healthy peer's answers as missed (they wait in the
            // same queue): it does not judge others this round (after Orleans' local silo health monitor).
            if (await ThreadPoolDelayAsync().ConfigureAwait(false) > _options.ProbeTimeout / 2)
            {
                MembershipLog.ProbesSkipped(_logger, LocalSilo);
                continue;
            }

            var probes = ProbesFor(Current);
            await Task.WhenAll(probes.Select(p => p.ProbeAsync(_options.ProbeTimeout, token))).ConfigureAwait(false);
            Volatile.Write(ref _suspects, [.. probes.Where(p => p.MissedProbes >= _options.NumMissedProbesLimit).Select(p => p.Peer)]);
        }
    }

    /// <summary>How long a work item waits in the thread pool's global queue right now.</summary>
    private static Task<TimeSpan> ThreadPoolDelayAsync()
    {
        var queued = Stopwatch.GetTimestamp();
        var measured = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Measured.SetResult(Stopwatch.GetElapsedTime(state.Queued)), (Measured: measured, Queued: queued), preferLocal: false);
        return measured.Task;
    }

    /// <summary>The peers to probe: the live silos following this one on a ring ordered by address hash.</summary>
    private List<PeerProbe> ProbesFor(MembershipTableData data)
    {
        var self = RingPosition(LocalSilo);
        var peers = data.Entries
            .Where(e => e.Status != SiloStatus.Dead && e.Silo != LocalSilo)
            .Select(e => e.Silo)
            .OrderBy(s => unchecked(RingPosition(s) - self))
            .Take(_options.NumProbedSilos)
            .ToHashSet();
        foreach (var gone in _probes.Keys.Where(k => !peers.Contains(k)).ToList())
        {
            _probes.Remove(gone, out var probe);
            probe!.Dispose();
        }

        var result = new List<PeerProbe>(peers.Count);
        foreach (var peer in peers)
        {
            if (!_probes.TryGetValue(peer, out var probe))
            {
                probe = new PeerProbe(peer);
                _probes.Add(peer, probe);
            }

            result.Add(probe);
        }

        return result;
    }

    private static uint RingPosition(SiloAddress silo) => StableHash.Of(silo.ToString());

    private async Task TableLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.TableRefreshInterval);
        var token = _stop.Token;
        var nextHeartbeat = Stopwatch.GetTimestamp();
        while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
        {
            try
            {
                var data = await _table.ReadAllAsync(token).ConfigureAwait(false);
                Publish(data);
                if (IsClient)
                {
                    continue;
                }

                if (data.Find(LocalSilo) is not { Status: not SiloStatus.Dead })
                {
                    Fail("the membership table declares this silo dead");
                    return;
                }

                foreach (var suspect in Volatile.Read(ref _suspects))
                {
                    // One write per round: after it the version moved on, and the next round reads afresh.
                    if (await TryVoteAsync(data, suspect, token).ConfigureAwait(false))
                    {
                        break;
                    }
                }

                if (Stopwatch.GetTimestamp() >= nextHeartbeat)
                {
                    await _table.UpdateIAmAliveAsync(LocalSilo, DateTimeOffset.UtcNow, token).ConfigureAwait(false);
                    Volatile.Write(ref _lastHeartbeat, Stopwatch.GetTimestamp());
                    nextHeartbeat = Stopwatch.GetTimestamp() + (long)(_options.IAmAliveInterval.TotalSeconds * Stopwatch.Frequency);
                }
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                MembershipLog.TableRoundFailed(_logger, ex);
            }
        }
    }

    private async Task<bool> TryVoteAsync(MembershipTableData data, SiloAddress suspect, CancellationToken cancellationToken)
    {
        if (data.Find(LocalSilo) is not { Status: SiloStatus.Active } || data.Find(suspect) is not { } entry || entry.Status == SiloStatus.Dead)
        {
            return false;
        }

        var now = DateTimeOffset.UtcNow;
        var votes = entry.SuspectVotes
            .Where(v => v.Voter != LocalSilo && now - v.CastAt < _options.DeathVoteExpiration)
            .Append(new SuspectVote(LocalSilo, now))
            .ToList();
        var activeOthers = data.Entries.Count(e => e.Status == SiloStatus.Active && e.Silo != suspect);
        var required = Math.Max(1, Math.Min(_options.NumVotesForDeathDeclaration, activeOthers));
        var dead = votes.Count >= required;
        var updated = entry with { SuspectVotes = votes, Status = dead ? SiloStatus.Dead : entry.Status };
        if (!await _table.UpdateRowAsync(updated, data.Version, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        MembershipLog.Voted(_logger, LocalSilo, suspect, votes.Count, required);
        if (dead)
        {
            MembershipLog.DeclaredDead(_logger, suspect, LocalSilo);
        }

        return true;
    }

    private void Publish(MembershipTableData data)
    {
        Volatile.Write(ref _current, data);
        _transport.ForgetDead(data.Entries.Where(e => e.Status == SiloStatus.Dead).Select(e => e.Silo));
        var active = data.Entries.Where(e => e.Status == SiloStatus.Active).Select(e => e.Silo).ToList();
        if (!active.ToHashSet().SetEquals(ActiveSilos))
        {
            Volatile.Write(ref _active, active);

            // Grains are placed on Active silos only: one that is joining or leaving owns none.
            var ring = new ConsistentHashRing(active);
            Volatile.Write(ref _ring, ring);
            _transport.UseRing(ring);
        }

        // Every round, not only when the ring changed: a peer whose view was a round behind may have placed a grain here.
        if (data.Find(LocalSilo) is { Status: SiloStatus.Active })
        {
            var misplaced = _runtime.Directory.DeactivateMisplaced(id => _transport.Route(id, out _) == GrainRoute.Remote);
            if (misplaced > 0)
            {
                MembershipLog.DeactivatingMisplaced(_logger, LocalSilo, misplaced);
            }
        }
    }

    private void Fail(string reason)
    {
        if (Interlocked.Exchange(ref _fatal, 1) != 0)
        {
            return;
        }

        MembershipLog.Fatal(_logger, LocalSilo, reason);
        _runtime.Directory.Close();
        if (Environment.ExitCode == 0)
        {
            Environment.ExitCode = 1;
        }

        _stop.Cancel();

        // Stop answering probes at once, so that peers which can still reach the table declare this silo dead.
        _ = Interlocked.Exchange(ref _listener, null)?.DisposeAsync().AsTask();
        _runtime.Services.GetService<IHostApplicationLifetime>()?.StopApplication();
        if (_options.ExitProcessOnFailure)
        {
            // A stop that hangs (a grain that never finishes its turn) must not keep a dead silo's process serving.
            _ = Task.Run(async () =>
            {
                await Task.Delay(_options.FailureExitGrace).ConfigureAwait(false);
                MembershipLog.Fatal(_logger, LocalSilo, "the host did not stop within the grace period: exiting the process");
                Environment.Exit(1);
            });
        }
    }
}
