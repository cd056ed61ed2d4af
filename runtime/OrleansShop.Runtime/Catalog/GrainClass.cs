using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Placement;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.Catalog;

/// <summary>What the runtime knows about one grain class, worked out once by reflection when the silo starts.</summary>
internal sealed class GrainClass
{
    private readonly ObjectFactory factory;

    public GrainClass(Type type)
    {
        Type = type;
        GrainType = GrainTypeName(type);
        IsReentrant = type.IsDefined(typeof(ReentrantAttribute), inherit: true);
        MaxLocalWorkers = type.GetCustomAttribute<StatelessWorkerAttribute>(inherit: true) is { } worker ? Math.Max(1, worker.MaxLocalWorkers) : 0;
        Placement = PlacementOf(type);
        IsIncomingFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(type);
        PrimaryInterface = type.GetInterfaces()
            .Where(i => typeof(IGrain).IsAssignableFrom(i) && !GrainTypeCatalog.IsMarkerInterface(i))
            .OrderBy(i => i.FullName, StringComparer.Ordinal)
            .FirstOrDefault() ?? typeof(IGrain);

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {type.FullName} has no public constructor.");
        var slots = new List<PersistentStateSlot>();
        foreach (var parameter in constructor.GetParameters())
        {
            if (parameter.GetCustomAttribute<PersistentStateAttribute>() is not { } attribute)
            {
                continue;
            }

            if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException(
                    $"Parameter '{parameter.Name}' of {type.FullName} has [PersistentState] but is not an IPersistentState<T>.");
            }

            slots.Add(new PersistentStateSlot(
                attribute.StateName,
                attribute.StorageName ?? PersistentStateAttribute.DefaultStorageName,
                parameter.ParameterType.GetGenericArguments()[0]));
        }

        States = [.. slots];

        // The states go in as explicit arguments, matched to the constructor's parameters in order; the rest comes from DI.
        factory = ActivatorUtilities.CreateFactory(type, [.. States.Select(s => typeof(IPersistentState<>).MakeGenericType(s.StateType))]);
    }

    public Type Type { get; }

    /// <summary>The type part of the grain's id: the class name without a "Grain" suffix, lower case (as Orleans).</summary>
    public string GrainType { get; }

    public bool IsReentrant { get; }

    /// <summary>The interface a grain's reference to itself uses (the first by name; AsReference picks another).</summary>
    public Type PrimaryInterface { get; }

    /// <summary>Zero unless the class is a [StatelessWorker].</summary>
    public int MaxLocalWorkers { get; }

    public bool IsStatelessWorker => MaxLocalWorkers > 0;

    public bool IsIncomingFilter { get; }

    /// <summary>The class's placement strategy in a cluster; <see cref="HashBasedPlacement"/> unless an attribute names another.</summary>
    public PlacementStrategy Placement { get; }

    /// <summary>Whether the cluster finds this grain's activation through the grain directory (stateless workers run locally).</summary>
    public bool UsesDirectory => !IsStatelessWorker && Placement is not HashBasedPlacement;

    public IReadOnlyList<PersistentStateSlot> States { get; }

    public object CreateInstance(IServiceProvider services, GrainId grainId, out IPersistentStateLoader[] states)
    {
        if (States.Count == 0)
        {
            states = [];
            return factory(services, null);
        }

        states = new IPersistentStateLoader[States.Count];
        var arguments = new object[States.Count];
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = States[i].Create(grainId);
            arguments[i] = states[i];
        }

        return factory(services, arguments);
    }

    /// <summary>The strategy the class itself names, else the nearest base class's: a subclass may override it.</summary>
    private static PlacementStrategy PlacementOf(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var named = current.GetCustomAttributes<PlacementAttribute>(inherit: false).ToArray();
            if (named.Length > 1)
            {
                throw new InvalidOperationException(
                    $"Grain class {current.FullName} names {named.Length} placement strategies ({string.Join(", ", named.Select(a => a.Strategy))}): keep one.");
            }

            if (named.Length == 1)
            {
                return named[0].Strategy;
            }
        }

        return HashBasedPlacement.Instance;
    }

    public static string GrainTypeName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
