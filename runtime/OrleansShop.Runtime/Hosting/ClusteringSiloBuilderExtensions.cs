using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.Hosting;

/// <summary>
/// Makes the silo a cluster member: <c>silo.UseClustering(sp => table, o => o.SiloPort = 11111)</c>. SQL providers
/// add <c>UseSqliteClustering</c>/<c>UsePostgresClustering</c> on top of this. Options bind from
/// <see cref="ClusterMembershipOptions.SectionName"/> first, then <paramref name="configure"/> applies.
/// </summary>
public static class ClusteringSiloBuilderExtensions
{
    public static ISiloBuilder UseClustering(
        this ISiloBuilder silo, Func<IServiceProvider, IMembershipTable> table, Action<ClusterMembershipOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(table);
        var options = silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration(ClusterMembershipOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterMembershipOptions>, ClusterMembershipOptionsValidator>());
        silo.Services.RemoveAll<IMembershipTable>();
        silo.Services.AddSingleton(table);
        silo.Services.AddOptions<ClusterMessagingOptions>();
        silo.Services.TryAddSingleton<Clustering.Transport.SiloTransport>();
        silo.Services.TryAddSingleton<MembershipAgent>();
        silo.Services.TryAddSingleton<IClusterMembership>(sp => sp.GetRequiredService<MembershipAgent>());
        return silo;
    }
}
