using System.Diagnostics;
using Npgsql;

namespace OrleansShop.Testing;

/// <summary>
/// A PostgreSQL server for tests. Uses the Npgsql connection string in <c>ORLEANSSHOP_TEST_POSTGRES</c> when set;
/// otherwise, when the machine has PostgreSQL binaries (<c>/usr/lib/postgresql/*/bin/initdb</c>), starts a
/// throwaway cluster in a temporary folder on a free loopback port (as the <c>postgres</c> user when running as
/// root, since PostgreSQL refuses to run as root) and stops it on dispose. Without either, tests calling
/// <see cref="RequireServer"/> skip with the reason, except under <c>CI=true</c>, where a missing server fails.
/// </summary>
/// <remarks>Self-contained (Npgsql and xunit v3 only) so other test projects can link this file.</remarks>
public class PostgresServerFixture : IAsyncLifetime
{
    public const string ConnectionStringVariable = "ORLEANSSHOP_TEST_POSTGRES";

    private static readonly TimeSpan s_processTimeout = TimeSpan.FromSeconds(90);

    private string? _clusterDirectory;
    private string? _pgCtl;

    /// <summary>The server's connection string (its default database), or null when no server could be had.</summary>
    public string? ConnectionString { get; private set; }

    /// <summary>Why there is no server, when there is none.</summary>
    public string? UnavailableReason { get; private set; }

    /// <summary>
    /// The superuser's password for a server that checks passwords (SCRAM) on every connection; null: a server that trusts
    /// loopback connections. A fixture with one always starts its own cluster, since it must own the authentication rules.
    /// </summary>
    protected virtual string? SuperuserPassword => null;

    private static bool RunningInCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured) && SuperuserPassword is null)
        {
            ConnectionString = configured;
            return;
        }

        var initdb = FindInitdb();
        if (initdb is null)
        {
            UnavailableReason = SuperuserPassword is null
                ? $"no PostgreSQL server: {ConnectionStringVariable} is not set and /usr/lib/postgresql/*/bin/initdb does not exist"
                : "no PostgreSQL binaries (/usr/lib/postgresql/*/bin/initdb) to start a server with password authentication";
            return;
        }

        try
        {
            await StartClusterAsync(initdb).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            UnavailableReason = $"could not start a temporary PostgreSQL cluster with {initdb}: {ex.Message}";
            await StopClusterAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Returns the connection string, or skips the test (fails it under CI=true) when there is no server.</summary>
    public string RequireServer()
    {
        if (ConnectionString is not null)
        {
            return ConnectionString;
        }

        if (RunningInCi)
        {
            Assert.Fail($"PostgreSQL is required under CI=true, but there is {UnavailableReason}.");
        }

        Assert.Skip($"Skipped: {UnavailableReason}.");
        return null!;
    }

    /// <summary>Creates a fresh, empty database on the server and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var server = RequireServer();
        var name = "orleansshop_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Closes this process's pooled connections to a database from <see cref="CreateDatabaseAsync"/> and drops it.</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(RequireServer());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopClusterAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private static string? FindInitdb()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.EnumerateDirectories(root)
            .Select(version => Path.Combine(version, "bin", "initdb"))
            .Where(File.Exists)
            .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static bool IsRoot() => Environment.IsPrivilegedProcess;

    private async Task StartClusterAsync(string initdb)
    {
        var bin = Path.GetDirectoryName(initdb)!;
        _pgCtl = Path.Combine(bin, "pg_ctl");
        _clusterDirectory = Path.Combine(Path.GetTempPath(), "orleansshop-test-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_clusterDirectory);
        if (IsRoot())
        {
            await RunAsync("chown", ["postgres:postgres", _clusterDirectory], asPostgres: false).ConfigureAwait(false);
        }

        var data = Path.Combine(_clusterDirectory, "data");
        string[] authentication = ["--auth=trust"];
        if (SuperuserPassword is { } password)
        {
            var passwordFile = Path.Combine(_clusterDirectory, "superuser-password");
            await File.WriteAllTextAsync(passwordFile, password).ConfigureAwait(false);
            if (IsRoot())
            {
                await RunAsync("chown", ["postgres:postgres", passwordFile], asPostgres: false).ConfigureAwait(false);
            }

            authentication = ["--auth=scram-sha-256", "--pwfile=" + passwordFile];
        }

        await RunAsync(initdb, ["-D", data, .. authentication, "-U", "postgres", "--no-sync"], asPostgres: true).ConfigureAwait(false);
        var port = LoopbackPorts.Take();
        await RunAsync(
            _pgCtl,
            ["-D", data, "-l", Path.Combine(_clusterDirectory, "log"), "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {_clusterDirectory} -c fsync=off -c max_connections=200", "-w", "start"],
            asPostgres: true).ConfigureAwait(false);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres"
            + (SuperuserPassword is null ? "" : ";" + new NpgsqlConnectionStringBuilder { Password = SuperuserPassword }.ConnectionString);
    }

    private async Task StopClusterAsync()
    {
        if (_clusterDirectory is null || _pgCtl is null)
        {
            return;
        }

        var data = Path.Combine(_clusterDirectory, "data");
        if (Directory.Exists(data))
        {
            try
            {
                await RunAsync(_pgCtl, ["-D", data, "-m", "fast", "-w", "stop"], asPostgres: true).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Not running (start failed half-way); the folder still goes.
            }
        }

        try
        {
            Directory.Delete(_clusterDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        _clusterDirectory = null;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && IsRoot())
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program, .. arguments])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_processTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish within {s_processTimeout.TotalSeconds} s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} exited with {process.ExitCode}: {(await error.ConfigureAwait(false)).Trim()} {(await output.ConfigureAwait(false)).Trim()}");
        }
    }
}
