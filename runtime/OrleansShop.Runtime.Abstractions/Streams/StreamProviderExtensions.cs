using Microsoft.Extensions.DependencyInjection;

namespace OrleansShop.Runtime.Streams;

/// <summary>How grains (<c>this.GetStreamProvider(name)</c>) and other services find a stream provider by name.</summary>
public static class StreamProviderExtensions
{
    public static IStreamProvider GetStreamProvider(this IGrainBase grain, string name)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain.GrainContext.ActivationServices.GetStreamProvider(name);
    }

    public static IStreamProvider GetStreamProvider(this IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return services.GetKeyedService<IStreamProvider>(name)
            ?? throw new InvalidOperationException($"No stream provider named '{name}' is registered: call AddMemoryStreams(\"{name}\") on the silo builder.");
    }
}
