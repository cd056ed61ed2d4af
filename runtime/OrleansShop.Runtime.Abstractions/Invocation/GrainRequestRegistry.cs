using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace OrleansShop.Runtime.Invocation;

/// <summary>
/// Turns "interface, method, arguments" back into a generated request: what a silo needs when a call arrives as a
/// message from another silo. Generated code registers one factory per grain method from its module initializer.
/// Overloads share a name, so a method is identified by its declaring interface, name and parameter types.
/// </summary>
public static class GrainRequestRegistry
{
    private static readonly ConcurrentDictionary<(Type InterfaceType, string MethodName), (Type[] ParameterTypes, Func<object?[], GrainRequest> Factory)[]> Factories = new();

    public static void Register(Type interfaceType, string methodName, Type[] parameterTypes, Func<object?[], GrainRequest> factory)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentNullException.ThrowIfNull(methodName);
        ArgumentNullException.ThrowIfNull(parameterTypes);
        ArgumentNullException.ThrowIfNull(factory);

        // A base interface's methods are registered again by every derived interface's proxy; the same signature
        // replaces the earlier entry, whose request class behaves identically.
        Factories.AddOrUpdate(
            (interfaceType, methodName),
            static (_, entry) => [entry],
            static (_, existing, entry) => [.. existing.Where(e => !e.ParameterTypes.AsSpan().SequenceEqual(entry.ParameterTypes)), entry],
            (ParameterTypes: parameterTypes, Factory: factory));
    }

    /// <summary>Finds the factory of the request for a method of a grain interface; the factory takes the arguments in declaration order.</summary>
    public static bool TryGetFactory(Type interfaceType, string methodName, ReadOnlySpan<Type> parameterTypes, out Func<object?[], GrainRequest> factory)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        if (Find(interfaceType, methodName, parameterTypes) is { } found)
        {
            factory = found;
            return true;
        }

        // Loading a type does not run its module's initializer; touching the module does.
        RuntimeHelpers.RunModuleConstructor(interfaceType.Module.ModuleHandle);
        factory = Find(interfaceType, methodName, parameterTypes)!;
        return factory is not null;
    }

    public static bool TryGetFactory(MethodInfo interfaceMethod, out Func<object?[], GrainRequest> factory)
    {
        ArgumentNullException.ThrowIfNull(interfaceMethod);
        var parameters = interfaceMethod.GetParameters();
        var parameterTypes = new Type[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameterTypes[i] = parameters[i].ParameterType;
        }

        return TryGetFactory(interfaceMethod.DeclaringType!, interfaceMethod.Name, parameterTypes, out factory);
    }

    private static Func<object?[], GrainRequest>? Find(Type interfaceType, string methodName, ReadOnlySpan<Type> parameterTypes)
    {
        if (Factories.TryGetValue((interfaceType, methodName), out var entries))
        {
            foreach (var entry in entries)
            {
                if (entry.ParameterTypes.AsSpan().SequenceEqual(parameterTypes))
                {
                    return entry.Factory;
                }
            }
        }

        return null;
    }
}
