using System.Globalization;

namespace OrleansShop.Bench.Silo;

/// <summary>Getting the measured grains ready: the cluster formed, every grain activated, none in the caller's process.</summary>
internal static class RemoteGrains
{
    public static async Task WaitForActiveSilosAsync(IClusterMembershipService membership, int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) < count)
        {
            await Task.Delay(100, deadline.Token);
        }
    }

    /// <summary>
    /// Activates the grains "bench-0" ... by one call each (retried while the joining silo does not yet know the
    /// primary can host them) and checks that none runs on <paramref name="caller"/>.
    /// </summary>
    public static async Task<IPingGrain[]> ActivateAsync(IGrainFactory factory, int count, SiloAddress? caller, TimeSpan timeout)
    {
        var grains = Enumerable.Range(0, count)
            .Select(i => factory.GetGrain<IPingGrain>("bench-" + i.ToString(CultureInfo.InvariantCulture)))
            .ToArray();
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            try
            {
                var silos = await Task.WhenAll(grains.Select(g => g.SiloAsync()));
                if (caller is not null && silos.Contains(caller.ToString()))
                {
                    throw new InvalidOperationException($"{silos.Count(s => s == caller.ToString())} of {count} grains run in the calling silo {caller}");
                }

                return grains;
            }
            catch (OrleansException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(200, deadline.Token);
            }
        }
    }
}
