using OrleansShop.Runtime.Activations;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Clustering.Transport;
using OrleansShop.Runtime.Diagnostics;
using OrleansShop.Runtime.Filters;
using OrleansShop.Runtime.Invocation;
using OrleansShop.Runtime.Placement;

namespace OrleansShop.Runtime.Messaging;

/// <summary>
/// The one place every grain call goes through: it wraps the request in a message that knows its caller, finds the
/// target by grain id in the directory, and delivers it. In a cluster, a grain id another silo owns (by the
/// consistent-hash ring) goes to that silo instead: the request (interface, method, arguments) travels as JSON.
/// Grains placed by another strategy go where the grain directory says (<see cref="DirectoryPlacement"/>).
/// </summary>
internal sealed class GrainCallRouter : IGrainReferenceRuntime
{
    private readonly SiloRuntime runtime;

    public GrainCallRouter(SiloRuntime runtime) => this.runtime = runtime;

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        var filters = runtime.OutgoingFilters;
        return filters.Length == 0 ? SendAsync(target, request) : OutgoingCallContext<TResult>.InvokeAsync(this, target, request, filters);
    }

    public void InvokeOneWay(GrainReference target, GrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (request is not GrainRequest<Unit> oneWay)
        {
            throw new ArgumentException($"One-way request {request} must return Task or ValueTask.", nameof(request));
        }

        var caller = SynchronizationContext.Current as ActivationWork;
        RuntimeInstruments.Calls.Add(1);
        if (runtime.Cluster is { } cluster)
        {
            switch (cluster.Route(target.GrainId, out var owner))
            {
                case GrainRoute.Remote:
                    _ = SendOneWayRemoteAsync(cluster, owner, target.GrainId, oneWay);
                    return;
                case GrainRoute.Directory:
                    _ = SendOneWayPlacedAsync(cluster.Placement!, target, oneWay);
                    return;
            }
        }

        // Never inline: the caller does not wait, so it must not pay for the grain's work.
        Deliver(target, target.GrainId, new CallMessage<Unit>(oneWay, caller, oneWay: true), mayRunInline: false);
    }

    public Task<TResult> SendAsync<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        // One field read when the silo is alone: the in-process path stays as it was.
        var caller = SynchronizationContext.Current as ActivationWork;
        if (runtime.Cluster is { } cluster)
        {
            switch (cluster.Route(target.GrainId, out var owner))
            {
                case GrainRoute.Remote:
                    RuntimeInstruments.Calls.Add(1);
                    return cluster.SendAsync(owner, target.GrainId, request, caller);
                case GrainRoute.Directory:
                    return cluster.Placement!.SendAsync(target, target.GrainId, request, caller);
            }
        }

        var message = new CallMessage<TResult>(request, caller, oneWay: false);
        RuntimeInstruments.Calls.Add(1);
        Deliver(target, target.GrainId, message, mayRunInline: caller is null);
        return message.GetTask();
    }

    /// <summary>Calls a grain by id, without a proxy (reminder ticks), on whichever silo owns it.</summary>
    public Task<TResult> SendAsync<TResult>(GrainId grainId, GrainRequest<TResult> request)
    {
        if (runtime.Cluster is { } cluster)
        {
            switch (cluster.Route(grainId, out var owner))
            {
                case GrainRoute.Remote:
                    RuntimeInstruments.Calls.Add(1);
                    return cluster.SendAsync(owner, grainId, request, caller: null);
                case GrainRoute.Directory:
                    return cluster.Placement!.SendAsync(reference: null, grainId, request, caller: null);
            }
        }

        return SendLocalAsync(grainId, request, caller: null);
    }

    /// <summary>Calls the grain's activation on this silo on behalf of <paramref name="caller"/> (directory placement chose this silo).</summary>
    public Task<TResult> SendLocalAsync<TResult>(
        GrainReference? reference, GrainId grainId, GrainRequest<TResult> request, ActivationWork? caller, bool mayRunInline)
    {
        var message = new CallMessage<TResult>(request, caller, oneWay: false);
        RuntimeInstruments.Calls.Add(1);
        Deliver(reference, grainId, message, mayRunInline);
        return message.GetTask();
    }

    /// <summary>
    /// Calls the grain's activation on this silo (a call another silo routed here, whose <paramref name="caller"/>
    /// carries its chain, or one that could not reach its owner and now belongs to this silo).
    /// </summary>
    public Task<TResult> SendLocalAsync<TResult>(GrainId grainId, GrainRequest<TResult> request, ActivationWork? caller)
    {
        var message = new CallMessage<TResult>(request, caller, oneWay: false);
        RuntimeInstruments.Calls.Add(1);
        Deliver(reference: null, grainId, message, mayRunInline: false);
        return message.GetTask();
    }

    /// <summary>Sends work that reached an activation as it deactivated on to the grain's next activation, on whichever silo owns it now.</summary>
    public void Redeliver(ActivationWork work, GrainId grainId)
    {
        if (runtime.Cluster is { } cluster && cluster.Route(grainId, out var owner) == GrainRoute.Remote && work.TryForward(cluster, owner, grainId))
        {
            return;
        }

        Deliver(reference: null, grainId, work, mayRunInline: false);
    }

    private async Task SendOneWayRemoteAsync(SiloTransport cluster, SiloAddress owner, GrainId grainId, GrainRequest request)
    {
        try
        {
            await cluster.SendOneWayAsync(owner, grainId, request).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            RuntimeLog.OneWayFailed(runtime.Logger, exception, request.ToString(), grainId);
        }
    }

    private async Task SendOneWayPlacedAsync(DirectoryPlacement placement, GrainReference target, GrainRequest<Unit> request)
    {
        try
        {
            // The directory may have to be read first, so the one-way call waits for its answer here, not in the caller.
            await placement.SendAsync(target, target.GrainId, request, caller: null).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            RuntimeLog.OneWayFailed(runtime.Logger, exception, request.ToString(), target.GrainId);
        }
    }

    private void Deliver(GrainReference? reference, GrainId grainId, ActivationWork work, bool mayRunInline)
    {
        try
        {
            while (true)
            {
                var target = reference?.CachedTarget as GrainTarget;
                if (target is null)
                {
                    target = runtime.Directory.GetOrCreate(grainId);
                    if (reference is not null)
                    {
                        reference.CachedTarget = target;
                    }
                }

                if (target.Deliver(work, mayRunInline) == DeliveryOutcome.Accepted)
                {
                    return;
                }

                if (reference is not null)
                {
                    reference.CachedTarget = null;
                }
            }
        }
        catch (Exception exception)
        {
            work.Fail(exception);
        }
    }
}
