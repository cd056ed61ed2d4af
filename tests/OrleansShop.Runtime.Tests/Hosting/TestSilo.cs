using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Hosting;

namespace OrleansShop.Runtime.Tests.Hosting;

/// <summary>A silo in a generic host with the test grains, memory storage and short timeouts.</summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost host;

    private TestSilo(IHost host) => this.host = host;

    public IGrainFactory GrainFactory => host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => host.Services;

    public TestProbe Probe => host.Services.GetRequiredService<TestProbe>();

    public static async Task<TestSilo> StartAsync(Action<ISiloBuilder>? configure = null, TestProbe? probe = null, bool withOtherStorage = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(probe ?? new TestProbe());
        builder.UseSilo(silo =>
        {
            silo.AddGrains(typeof(TestSilo).Assembly).AddMemoryGrainStorage();
            if (withOtherStorage)
            {
                silo.AddMemoryGrainStorage("Other");
            }

            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new TestSilo(host);
    }

    public async Task StopAsync() => await host.StopAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(CancellationToken.None);
        }
        finally
        {
            host.Dispose();
        }
    }
}
