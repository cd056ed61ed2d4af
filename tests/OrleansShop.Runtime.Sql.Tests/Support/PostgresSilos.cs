using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Support;

/// <summary>
/// Test-host silo processes forming one cluster through a PostgreSQL database of their own (membership and grain
/// state). Disposing it stops what is still running, then drops the database.
/// </summary>
public sealed class PostgresSilos : IAsyncDisposable
{
    private readonly PostgresServerFixture _server;
    private readonly TemporaryDirectory _directory = new();
    private readonly List<SiloProcess> _silos = [];

    private PostgresSilos(PostgresServerFixture server, string database)
    {
        _server = server;
        Database = database;
    }

    /// <summary>The connection string of the cluster's database.</summary>
    public string Database { get; }

    /// <summary>Creates the database (the test is skipped when there is no server); no silo runs yet.</summary>
    public static async Task<PostgresSilos> CreateAsync(PostgresServerFixture server, CancellationToken cancellationToken)
    {
        server.RequireServer();
        return new PostgresSilos(server, await server.CreateDatabaseAsync(cancellationToken));
    }

    /// <summary>
    /// Starts <paramref name="count"/> silos with <paramref name="arguments"/> (e.g. <c>--cluster id</c>) and waits until
    /// each sees all of them Active. <paramref name="databaseOf"/> gives a silo (by index) another way to the database.
    /// </summary>
    public async Task<SiloProcess[]> StartAsync(
        int count, IReadOnlyList<string> arguments, CancellationToken cancellationToken, Func<int, string>? databaseOf = null)
    {
        var started = new SiloProcess[count];
        for (var i = 0; i < count; i++)
        {
            var dataDirectory = Path.Combine(_directory.Path, ((char)('a' + i)).ToString());
            started[i] = await SiloProcess.StartAsync(dataDirectory, databaseOf?.Invoke(i) ?? Database, arguments, cancellationToken);
            _silos.Add(started[i]);
        }

        await SiloProcess.SeeEachOtherAsync(cancellationToken, started);
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            for (var i = _silos.Count - 1; i >= 0; i--)
            {
                await _silos[i].DisposeAsync();
            }
        }
        finally
        {
            await _server.DropDatabaseAsync(Database, CancellationToken.None);
            _directory.Dispose();
        }
    }
}
