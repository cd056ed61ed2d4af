using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansShop.Runtime.Activations;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Streams;

namespace OrleansShop.Runtime;

/// <summary>
/// The silo's lifetime inside the host: on start it checks the grain classes against the registered storage,
/// then starts the stream providers, sweeps and reminders, and joins its cluster if clustering is configured; on stop it announces ShuttingDown, it completes every stream subscriber, then deactivates
/// every activation (ShuttingDown), and finally leaves the cluster (Dead).
/// </summary>
internal sealed class Silo : IHostedService
{
    private readonly SiloRuntime runtime;
    private readonly ActivationMaintenance maintenance;
    private readonly ReminderService reminders;
    private readonly StreamProvider[] streams;
    private readonly MembershipAgent? membership;

    public Silo(SiloRuntime runtime, ActivationMaintenance maintenance, ReminderService reminders, IEnumerable<StreamProviderName> streamProviders)
    {
        this.runtime = runtime;
        this.maintenance = maintenance;
        this.reminders = reminders;
        streams = [.. streamProviders.Select(p => runtime.Services.GetRequiredKeyedService<StreamProvider>(p.Name))];
        membership = runtime.Services.GetService<MembershipAgent>();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var grainClass in runtime.Catalog.Classes)
        {
            foreach (var slot in grainClass.States)
            {
                var storage = runtime.Services.GetKeyedService<IGrainStorage>(slot.StorageName);
                if (storage is null && membership is { IsClient: true } && !grainClass.IsStatelessWorker)
                {
                    // A cluster client never activates this grain: the silos hold its state.
                    continue;
                }

                slot.Storage = storage
                    ?? throw new InvalidOperationException(
                        $"Grain {grainClass.Type.FullName} stores state '{slot.StateName}' in grain storage '{slot.StorageName}', which is not registered: " +
                        $"call AddMemoryGrainStorage(\"{slot.StorageName}\") or a SQL grain storage with that name on the silo builder.");
            }
        }

        runtime.ResolveFilters();
        foreach (var provider in streams)
        {
            await provider.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        maintenance.Start();

        // The silo is announced Active once it can serve; reminders start after, so that their first read of the
        // table already knows which grains this silo owns in the cluster.
        if (membership is not null)
        {
            await membership.JoinAsync(cancellationToken).ConfigureAwait(false);
        }

        await reminders.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (membership is not null)
        {
            await membership.BeginLeaveAsync(cancellationToken).ConfigureAwait(false);
        }

        await reminders.DisposeAsync().ConfigureAwait(false);

        // Subscribers get their buffered items and OnCompletedAsync while their activations are still there.
        foreach (var provider in streams)
        {
            await provider.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        runtime.Directory.Close();
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down.");
        var deactivations = runtime.Directory.Activations().Select(a => a.DeactivateAsync(reason));
        await Task.WhenAll(deactivations).WaitAsync(cancellationToken).ConfigureAwait(false);
        await maintenance.DisposeAsync().ConfigureAwait(false);

        // Dead only after every grain has persisted and deactivated: from here on, the others may activate them.
        if (membership is not null)
        {
            await membership.CompleteLeaveAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
