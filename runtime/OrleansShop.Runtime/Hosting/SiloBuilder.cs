using Microsoft.Extensions.DependencyInjection;

namespace OrleansShop.Runtime.Hosting;

internal sealed class SiloBuilder(IServiceCollection services) : ISiloBuilder
{
    public IServiceCollection Services { get; } = services;
}
