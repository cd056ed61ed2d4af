using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansShop.Runtime.Placement;

namespace OrleansShop.Runtime.Hosting;

/// <summary>
/// Grain placement in a cluster: <c>silo.UseGrainDirectory(sp => directory)</c> lets grains with
/// <see cref="RandomPlacementAttribute"/>, <see cref="PreferLocalPlacementAttribute"/> or a host's own strategy live
/// wherever their director puts them (SQL clustering adds a directory in the same database);
/// <c>silo.AddPlacementDirector&lt;TStrategy, TDirector&gt;()</c> adds or replaces a strategy's director. Without a
/// directory every grain is hash-placed; a silo without clustering ignores placement altogether.
/// </summary>
public static class PlacementSiloBuilderExtensions
{
    public static ISiloBuilder UseGrainDirectory(this ISiloBuilder silo, Func<IServiceProvider, IGrainDirectory> directory)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(directory);
        silo.Services.RemoveAll<IGrainDirectory>();
        silo.Services.AddSingleton(directory);
        silo.Services.TryAddSingleton<DirectoryPlacement>();
        silo.Services.TryAddKeyedSingleton<IPlacementDirector, RandomPlacementDirector>(typeof(RandomPlacement));
        silo.Services.TryAddKeyedSingleton<IPlacementDirector, PreferLocalPlacementDirector>(typeof(PreferLocalPlacement));
        return silo;
    }

    public static ISiloBuilder AddPlacementDirector<TStrategy, TDirector>(this ISiloBuilder silo)
        where TStrategy : PlacementStrategy
        where TDirector : class, IPlacementDirector
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.RemoveAllKeyed<IPlacementDirector>(typeof(TStrategy));
        silo.Services.AddKeyedSingleton<IPlacementDirector, TDirector>(typeof(TStrategy));
        return silo;
    }
}
