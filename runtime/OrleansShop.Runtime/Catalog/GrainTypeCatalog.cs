using System.Collections.Concurrent;
using System.Reflection;
using OrleansShop.Runtime.Invocation;
using OrleansShop.Runtime.Reminders;

namespace OrleansShop.Runtime.Catalog;

/// <summary>
/// Maps grain interfaces to grain classes and grain types to classes. Built by reflection over the registered
/// assemblies when first needed; lookups by interface are cached.
/// </summary>
internal sealed class GrainTypeCatalog
{
    private static readonly HashSet<Type> MarkerInterfaces =
    [
        typeof(IAddressable), typeof(IGrain), typeof(IGrainWithStringKey), typeof(IGrainWithGuidKey), typeof(IGrainWithIntegerKey),
        typeof(IRemindable), typeof(IGrainBase),
    ];

    private readonly Lazy<Index> index;
    private readonly ConcurrentDictionary<(Type Interface, string? Prefix), GrainClass> resolved = new();

    public GrainTypeCatalog(IEnumerable<GrainAssembly> assemblies)
    {
        var list = assemblies.Select(a => a.Assembly).Distinct().ToArray();
        index = new Lazy<Index>(() => Build(list));
    }

    public static bool IsMarkerInterface(Type type) => MarkerInterfaces.Contains(type);

    public IReadOnlyCollection<GrainClass> Classes => index.Value.ByGrainType.Values;

    public GrainClass GetByGrainType(string grainType) =>
        index.Value.ByGrainType.TryGetValue(grainType, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException($"No grain class has grain type '{grainType}': was its assembly added with AddGrains?");

    public GrainClass Resolve(Type interfaceType, string? grainClassNamePrefix)
    {
        if (resolved.TryGetValue((interfaceType, grainClassNamePrefix), out var grainClass))
        {
            return grainClass;
        }

        grainClass = ResolveUncached(interfaceType, grainClassNamePrefix);
        resolved.TryAdd((interfaceType, grainClassNamePrefix), grainClass);
        return grainClass;
    }

    private GrainClass ResolveUncached(Type interfaceType, string? prefix)
    {
        if (!interfaceType.IsInterface || !typeof(IGrain).IsAssignableFrom(interfaceType))
        {
            throw new ArgumentException($"{interfaceType.FullName} is not a grain interface (an interface deriving from IGrain).", nameof(interfaceType));
        }

        var candidates = index.Value.ByInterface.TryGetValue(interfaceType, out var list) ? list : [];
        if (prefix is not null)
        {
            candidates = [.. candidates.Where(c => c.Type.FullName!.StartsWith(prefix, StringComparison.Ordinal))];
        }

        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new ArgumentException(
                $"No grain class implements {interfaceType.FullName}" + (prefix is null ? string.Empty : $" with a name starting '{prefix}'") +
                ": was its assembly added with AddGrains?", nameof(interfaceType)),
            _ => throw new ArgumentException(
                $"Several grain classes implement {interfaceType.FullName} ({string.Join(", ", candidates.Select(c => c.Type.FullName))}): " +
                "pass a grainClassNamePrefix to pick one.", nameof(interfaceType)),
        };
    }

    private static Index Build(Assembly[] assemblies)
    {
        var byGrainType = new Dictionary<string, GrainClass>(StringComparer.Ordinal);
        var byInterface = new Dictionary<Type, List<GrainClass>>();
        foreach (var type in assemblies.SelectMany(LoadableTypes))
        {
            // Generated proxies implement grain interfaces too; they are references, not grains.
            if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters || !typeof(IGrain).IsAssignableFrom(type) ||
                typeof(GrainReference).IsAssignableFrom(type))
            {
                continue;
            }

            var grainClass = new GrainClass(type);
            if (byGrainType.TryGetValue(grainClass.GrainType, out var existing))
            {
                throw new InvalidOperationException(
                    $"Grain classes {existing.Type.FullName} and {type.FullName} both have grain type '{grainClass.GrainType}': rename one.");
            }

            byGrainType.Add(grainClass.GrainType, grainClass);
            foreach (var grainInterface in type.GetInterfaces())
            {
                if (typeof(IGrain).IsAssignableFrom(grainInterface) && !MarkerInterfaces.Contains(grainInterface))
                {
                    if (!byInterface.TryGetValue(grainInterface, out var implementations))
                    {
                        byInterface[grainInterface] = implementations = [];
                    }

                    implementations.Add(grainClass);
                }
            }
        }

        return new Index(byGrainType, byInterface);
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    private sealed record Index(Dictionary<string, GrainClass> ByGrainType, Dictionary<Type, List<GrainClass>> ByInterface);
}
