using System.Collections.Concurrent;

namespace OrleansShop.Runtime.Invocation;

/// <summary>
/// Maps each grain interface to the factory of its generated proxy. Generated code registers itself from a
/// module initializer, so any assembly that declares grain interfaces is known as soon as it is loaded.
/// </summary>
public static class GrainProxyRegistry
{
    private static readonly ConcurrentDictionary<Type, Func<GrainId, IGrainReferenceRuntime, GrainReference>> Factories = new();

    public static void Register(Type interfaceType, Func<GrainId, IGrainReferenceRuntime, GrainReference> factory) =>
        Factories[interfaceType] = factory;

    public static bool TryGetFactory(Type interfaceType, out Func<GrainId, IGrainReferenceRuntime, GrainReference> factory) =>
        Factories.TryGetValue(interfaceType, out factory!);

    public static IEnumerable<Type> RegisteredInterfaces => Factories.Keys;
}
