using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Sql.Tests.Grains;
using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Hosting;

/// <summary>The engine's [PersistentState] over SQLite storage, across a silo restart.</summary>
public sealed class SiloWithSqliteStorageTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Grain_state_written_through_a_silo_is_there_after_the_silo_restarts()
    {
        await using (var first = await StartSiloAsync())
        {
            var list = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IShoppingListGrain>("alice");
            await list.AddAsync("milk");
            Assert.Equal(2, await list.AddAsync("bread"));
            await first.StopAsync(TestContext.Current.CancellationToken);
        }

        await using var second = await StartSiloAsync();
        var again = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IShoppingListGrain>("alice");

        Assert.Equal(["milk", "bread"], await again.GetAsync());
        Assert.Equal(3, await again.AddAsync("eggs"));
    }

    private async Task<AsyncDisposableHost> StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseSilo(silo => silo
            .AddGrains(typeof(ShoppingListGrain).Assembly)
            .AddSqliteGrainStorage("Default", o => o.DataDirectory = _directory.Path)
            .UseSqliteReminders(o => o.DataDirectory = _directory.Path));
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new AsyncDisposableHost(host);
    }

    private sealed class AsyncDisposableHost(IHost host) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public Task StopAsync(CancellationToken cancellationToken) => host.StopAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync(CancellationToken.None);
            if (host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }
    }
}
