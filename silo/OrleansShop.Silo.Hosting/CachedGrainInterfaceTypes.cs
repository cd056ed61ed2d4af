using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Runtime;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Remembers each grain interface's <see cref="GrainInterfaceType"/>. Orleans 10.4.2 works it out again on every
/// <c>GetGrain</c>: its attribute provider reads the interface's custom attributes (creating each attribute object) and,
/// finding no [GrainInterfaceType], formats the type's name by convention. Under the catalog query that was about 5% of the
/// API's CPU (bench/RESULTS.md, the catalog profile). The answer never changes for a type, so it is kept; generic
/// interfaces are left to Orleans, which adds their type arguments.
/// </summary>
internal sealed class CachedGrainInterfaceTypes(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> known = new();
    private readonly AttributeGrainInterfaceTypeProvider attributes = new(services);

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        if (type.IsGenericType)
        {
            grainInterfaceType = default;
            return false;
        }

        grainInterfaceType = known.GetOrAdd(type, Resolve);
        return true;
    }

    // Resolved when first needed: the resolver holds this provider, so it cannot be a constructor argument.
    private GrainInterfaceType Resolve(Type type) =>
        attributes.TryGetGrainInterfaceType(type, out var fromAttribute)
            ? fromAttribute
            : services.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceTypeByConvention(type);

    /// <summary>Ahead of Orleans' own providers, which are asked in registration order.</summary>
    public static void AddFirst(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, CachedGrainInterfaceTypes>());
}
