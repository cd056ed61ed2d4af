using Microsoft.Extensions.Hosting;

namespace OrleansShop.ReadModels.Catalog;

/// <summary>Creates the catalog tables when the host starts, so that a missing database or permission shows at once.</summary>
internal sealed class CatalogSchemaStartup(CatalogStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
