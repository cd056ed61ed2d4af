using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansShop.Providers.AdoNet.Tests.Support;

namespace OrleansShop.Providers.AdoNet.Tests.OrleansProviders;

/// <summary>
/// One database and one started silo for a test class (starting a silo takes a second or two). The database is
/// created empty: the silo migrates it before Orleans' providers start. Without a PostgreSQL server nothing starts
/// and the tests skip through <see cref="PostgresServerFixture.RequireServer"/>.
/// </summary>
public abstract class OrleansSiloFixture(PostgresServerFixture server) : IAsyncLifetime
{
    private string? _database;
    private IHost? _silo;

    public string Database => _database ?? throw new InvalidOperationException("no database: " + server.UnavailableReason);

    public IHost Silo => _silo ?? throw new InvalidOperationException("no silo: " + server.UnavailableReason);

    public IGrainFactory Grains => Silo.Services.GetRequiredService<IGrainFactory>();

    protected abstract void ConfigureSilo(ISiloBuilder silo, string connectionString);

    public async ValueTask InitializeAsync()
    {
        if (server.ConnectionString is null)
        {
            return;
        }

        _database = await server.CreateDatabaseAsync(CancellationToken.None);
        _silo = TestSilo.Create(_database, TestSilo.NewClusterId(), silo => ConfigureSilo(silo, _database));
        await _silo.StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.StopAsync(CancellationToken.None);
            _silo.Dispose();
        }

        if (_database is not null)
        {
            await server.DropDatabaseAsync(_database, CancellationToken.None);
        }

        GC.SuppressFinalize(this);
    }
}
