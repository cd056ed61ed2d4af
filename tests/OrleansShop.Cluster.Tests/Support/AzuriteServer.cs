using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using OrleansShop.Testing;

namespace OrleansShop.Cluster.Tests.Support;

/// <summary>
/// One of Azurite's services, table or queue (npm <c>azurite</c>, pinned in azurite/package-lock.json beside this project),
/// on a free loopback port, in memory, for one test. The package is installed with <c>npm ci</c> on first use. Without Node.js and npm the
/// test skips with the reason, except under <c>CI=true</c>, where it fails. Stopped by killing its process.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's one account and its published development key (the same in every Azurite).</summary>
    private const string Account = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly SemaphoreSlim s_installLock = new(1, 1);
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _workspace;
    private readonly List<string> _output = [];

    private readonly AzuriteService _service;

    private AzuriteServer(Process process, string workspace, AzuriteService service, int port)
    {
        _process = process;
        _workspace = workspace;
        _service = service;
        Port = port;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    /// <summary>A storage connection string for this server's endpoint, as an application is given one.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};{_service}Endpoint=http://127.0.0.1:{Port}/{Account};";

    private static bool RunningInCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string PackageDirectory =>
        typeof(AzuriteServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AzuriteDirectory").Value!;

    /// <summary>Installs Azurite when needed and starts <paramref name="service"/>; skips (or under CI fails) the test without Node.js.</summary>
    public static async Task<AzuriteServer> StartAsync(AzuriteService service, CancellationToken cancellationToken)
    {
        var node = FindOnPath("node");
        var npm = FindOnPath("npm");
        if (node is null || npm is null)
        {
            const string reason = "Node.js and npm are needed to run Azurite for the Azure Storage tests (apt-get install nodejs npm).";
            if (RunningInCi)
            {
                Assert.Fail(reason + " (CI=true: required)");
            }

            Assert.Skip(reason);
        }

        var name = service.ToString().ToLowerInvariant();
        var script = Path.Combine(await InstallAsync(npm!, cancellationToken), name, "main.js");
        var port = LoopbackPorts.Take();
        var workspace = Directory.CreateTempSubdirectory("orleansshop-azurite-").FullName;
        var start = new ProcessStartInfo(node!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workspace,
        };
        foreach (var argument in (string[])
            [script, $"--{name}Host", "127.0.0.1", $"--{name}Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--inMemoryPersistence", "--disableTelemetry", "--silent", "--skipApiVersionCheck"])
        {
            start.ArgumentList.Add(argument);
        }

        var server = new AzuriteServer(Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start."), workspace, service, port);
        try
        {
            await server.WaitListeningAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public string Output()
    {
        lock (_output)
        {
            return Environment.NewLine + string.Join(Environment.NewLine, _output.TakeLast(40));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary><c>npm ci</c> in azurite/ unless its node_modules is newer than the lock file; returns the folder of the services' scripts.</summary>
    private static async Task<string> InstallAsync(string npm, CancellationToken cancellationToken)
    {
        var directory = PackageDirectory;
        var marker = Path.Combine(directory, "node_modules", ".package-lock.json");
        await s_installLock.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(marker) || File.GetLastWriteTimeUtc(marker) < File.GetLastWriteTimeUtc(Path.Combine(directory, "package-lock.json")))
            {
                var install = new ProcessStartInfo(npm)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                    WorkingDirectory = directory,
                };
                foreach (var argument in (string[])["ci", "--no-audit", "--no-fund", "--loglevel=error"])
                {
                    install.ArgumentList.Add(argument);
                }

                using var process = Process.Start(install) ?? throw new InvalidOperationException("npm did not start.");
                var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var error = process.StandardError.ReadToEndAsync(cancellationToken);
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(TimeSpan.FromMinutes(5));
                try
                {
                    await process.WaitForExitAsync(limit.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw;
                }

                Assert.True(process.ExitCode == 0, $"npm ci failed in {directory} ({process.ExitCode}):\n{await output}\n{await error}");
                File.SetLastWriteTimeUtc(marker, DateTime.UtcNow);
            }
        }
        finally
        {
            s_installLock.Release();
        }

        return Path.Combine(directory, "node_modules", "azurite", "dist", "src");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private async Task WaitListeningAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_startTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with {_process.ExitCode} while starting.{Output()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        throw new TimeoutException($"Azurite did not listen on {Port} within {s_startTimeout}.{Output()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }
}
