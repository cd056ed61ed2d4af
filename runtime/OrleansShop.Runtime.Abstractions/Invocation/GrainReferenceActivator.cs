using System.Runtime.CompilerServices;

namespace OrleansShop.Runtime.Invocation;

/// <summary>Creates proxies from the registry, running the declaring assembly's module initializer if it has not run yet.</summary>
public static class GrainReferenceActivator
{
    public static GrainReference Create(Type interfaceType, GrainId grainId, IGrainReferenceRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        if (!GrainProxyRegistry.TryGetFactory(interfaceType, out var factory))
        {
            // Loading a type does not run its module's initializer; touching the module does.
            RuntimeHelpers.RunModuleConstructor(interfaceType.Module.ModuleHandle);
            if (!GrainProxyRegistry.TryGetFactory(interfaceType, out factory))
            {
                throw new InvalidOperationException(
                    $"No proxy is registered for grain interface {interfaceType.FullName}: does the project declaring it reference OrleansShop.Runtime.CodeGenerator as an analyzer?");
            }
        }

        return factory(grainId, runtime);
    }
}
