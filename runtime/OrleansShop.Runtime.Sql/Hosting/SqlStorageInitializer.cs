using Microsoft.Extensions.Hosting;

namespace OrleansShop.Runtime.Sql.Hosting;

/// <summary>
/// Creates a SQL provider and applies its schema when the host starts, so that a bad connection string or an
/// unreachable database stops start-up instead of failing the first grain call.
/// </summary>
internal sealed class SqlStorageInitializer(Func<CancellationToken, Task> initialize) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initialize(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
