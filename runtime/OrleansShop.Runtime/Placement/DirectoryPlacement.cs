using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrleansShop.Runtime.Activations;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Clustering.Transport;
using OrleansShop.Runtime.Diagnostics;
using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime.Placement;

/// <summary>
/// Calls to grains whose placement is not hash-based, in a cluster with a grain directory. The caller finds the
/// activation in its cache, else in the directory; a grain without one goes where its strategy's director picks.
/// The silo that activates the grain registers it first (insert-if-absent); if another registration won, the
/// activation fails with <see cref="DuplicateActivationException"/> and the caller retries at the winner. An entry
/// naming a silo the membership table declares dead is removed (that exact entry) and the grain is placed afresh;
/// one naming a silo that is shutting down is followed but not cached, since that silo removes it as it deactivates.
/// </summary>
internal sealed class DirectoryPlacement
{
    private const int CacheCapacity = 100_000;
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromMilliseconds(200);

    private readonly SiloRuntime _runtime;
    private readonly IGrainDirectory _directory;
    private readonly IClusterMembership _membership;
    private readonly SiloTransport _transport;
    private readonly IServiceProvider _services;
    private readonly ConcurrentDictionary<Type, IPlacementDirector> _directors = new();
    private NotServing _notServing = new(null, []);

    public DirectoryPlacement(SiloRuntime runtime, IGrainDirectory directory, IClusterMembership membership, SiloTransport transport)
    {
        _runtime = runtime;
        _directory = directory;
        _membership = membership;
        _transport = transport;
        _services = runtime.Services;
    }

    public GrainLocationCache Cache { get; } = new(CacheCapacity);

    public async Task<TResult> SendAsync<TResult>(GrainReference? reference, GrainId grainId, GrainRequest<TResult> request, ActivationWork? caller)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(_runtime.ResponseTimeout.TotalSeconds * Stopwatch.Frequency);
        var repeatable = (request.Flags & GrainRequestFlags.ReadOnly) != 0;
        while (true)
        {
            // As on the ring's local path, a caller outside any grain may run the grain's turn on its own thread, but
            // only while still on it: after a directory read this may be a database driver's thread.
            var locating = LocateAsync(grainId);
            var mayRunInline = caller is null && locating.IsCompletedSuccessfully;
            var silo = await locating.ConfigureAwait(false);
            try
            {
                return silo == _membership.LocalSilo
                    ? await _runtime.Router.SendLocalAsync(reference, grainId, request, caller, mayRunInline).ConfigureAwait(false)
                    : await _transport.SendOnceAsync(silo, grainId, request, caller, deadline).ConfigureAwait(false);
            }
            catch (DuplicateActivationException) when (Stopwatch.GetTimestamp() < deadline)
            {
                // Another caller's pick registered first: the directory names it now.
                Cache.Invalidate(grainId);
            }
            catch (SiloUnavailableException ex) when ((!ex.RequestSent || repeatable) && Stopwatch.GetTimestamp() < deadline)
            {
                // The silo may be dead and not yet declared so: once it is, LocateAsync replaces its entry.
                repeatable &= !ex.RequestSent;
                Cache.Invalidate(grainId);
                await Task.Delay(s_retryDelay).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Registers a new activation of <paramref name="grainId"/> on this silo before it runs; throws
    /// <see cref="DuplicateActivationException"/> when the directory names another live activation.
    /// </summary>
    public async Task<GrainAddress> RegisterAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var own = new GrainAddress(grainId, _membership.LocalSilo, Guid.NewGuid().ToString("N"));
        while (true)
        {
            var winner = await _directory.RegisterAsync(own, cancellationToken).ConfigureAwait(false);
            if (winner == own)
            {
                Cache.Put(own);
                return own;
            }

            // Left by an earlier activation here (its removal failed), or by a dead silo: nothing runs there any more.
            if (winner.Silo == own.Silo || IsDead(winner.Silo))
            {
                await RemoveAsync(winner, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Cache.Put(winner);
            throw new DuplicateActivationException($"{grainId} is already active on silo {winner.Silo}; silo {own.Silo} does not activate it.");
        }
    }

    /// <summary>Removes a deactivated activation's entry; a failure only logs, as the entry's next reader replaces it.</summary>
    public async Task UnregisterAsync(GrainAddress address)
    {
        Cache.Invalidate(address);
        try
        {
            using var timeout = new CancellationTokenSource(_runtime.DeactivationTimeout);
            await _directory.UnregisterAsync(address, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            PlacementLog.UnregisterFailed(_runtime.Logger, exception, address);
        }
    }

    private async ValueTask<SiloAddress> LocateAsync(GrainId grainId)
    {
        if (Cache.TryGet(grainId, out var cached))
        {
            if (StatusOf(cached.Silo) == SiloStatus.Active)
            {
                return cached.Silo;
            }

            Cache.Invalidate(cached);
        }

        using var timeout = new CancellationTokenSource(_runtime.ResponseTimeout);
        if (await _directory.LookupAsync(grainId, timeout.Token).ConfigureAwait(false) is { } found)
        {
            switch (StatusOf(found.Silo))
            {
                case SiloStatus.Dead:
                    await RemoveAsync(found, timeout.Token).ConfigureAwait(false);
                    break;
                case SiloStatus.ShuttingDown:
                    // Its activation serves until it deactivates and removes the entry itself: read again each call.
                    return found.Silo;
                default:
                    Cache.Put(found);
                    return found.Silo;
            }
        }

        var strategy = _runtime.Catalog.GetByGrainType(grainId.Type).Placement;
        return await DirectorFor(strategy)
            .PickSiloAsync(strategy, new PlacementContext(grainId, _membership.LocalSilo, _membership.ActiveSilos))
            .ConfigureAwait(false);
    }

    private async Task RemoveAsync(GrainAddress stale, CancellationToken cancellationToken)
    {
        Cache.Invalidate(stale);
        if (await _directory.UnregisterAsync(stale, cancellationToken).ConfigureAwait(false))
        {
            PlacementLog.StaleEntryRemoved(_runtime.Logger, stale);
        }
    }

    private IPlacementDirector DirectorFor(PlacementStrategy strategy) =>
        _directors.GetOrAdd(strategy.GetType(), static (type, services) =>
            services.GetKeyedService<IPlacementDirector>(type) ?? throw new InvalidOperationException(
                $"No placement director is registered for {type.Name}: call silo.AddPlacementDirector<{type.Name}, TDirector>()."),
            _services);

    /// <summary>
    /// The status of <paramref name="silo"/> in the membership table as this silo last read it, where only Dead and
    /// ShuttingDown matter: any other silo (Joining, Active, or one that joined since the last read) reads as Active.
    /// </summary>
    private SiloStatus StatusOf(SiloAddress silo)
    {
        var data = _membership.Current;
        var snapshot = Volatile.Read(ref _notServing);
        if (!ReferenceEquals(snapshot.Data, data))
        {
            snapshot = new NotServing(data, data.Entries
                .Where(e => e.Status is SiloStatus.Dead or SiloStatus.ShuttingDown)
                .ToDictionary(e => e.Silo, e => e.Status));
            Volatile.Write(ref _notServing, snapshot);
        }

        return snapshot.Silos.TryGetValue(silo, out var status) ? status : SiloStatus.Active;
    }

    private bool IsDead(SiloAddress silo) => StatusOf(silo) == SiloStatus.Dead;

    private sealed record NotServing(MembershipTableData? Data, Dictionary<SiloAddress, SiloStatus> Silos);
}
