using Microsoft.Extensions.DependencyInjection;

namespace OrleansShop.Runtime.Hosting;

/// <summary>Configures a silo: grain assemblies, storage, reminders, options. Providers add extension methods to it.</summary>
public interface ISiloBuilder
{
    IServiceCollection Services { get; }
}
