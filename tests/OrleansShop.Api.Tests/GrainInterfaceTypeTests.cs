using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Runtime;
using OrleansShop.Api.Tests.Support;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Tests;

/// <summary>The shop's cache of grain interface types answers exactly what Orleans works out on its own, and is asked first.</summary>
public sealed class GrainInterfaceTypeTests(SharedShopServer fixture)
{
    [Fact]
    public void Every_grain_interface_resolves_as_Orleans_would_and_through_the_cache()
    {
        var services = fixture.Server.Services;
        var resolver = services.GetRequiredService<GrainInterfaceTypeResolver>();
        var first = services.GetServices<IGrainInterfaceTypeProvider>().First();
        var interfaces = typeof(IProductStockGrain).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && !t.IsGenericType)
            .ToList();

        Assert.Equal("CachedGrainInterfaceTypes", first.GetType().Name);
        Assert.True(interfaces.Count >= 8, $"Only {interfaces.Count} grain interfaces were found.");
        Assert.All(interfaces, type =>
        {
            Assert.True(first.TryGetGrainInterfaceType(type, out var cached));
            Assert.Equal(resolver.GetGrainInterfaceTypeByConvention(type), cached);
            Assert.Equal(cached, resolver.GetGrainInterfaceType(type));
        });
    }
}
