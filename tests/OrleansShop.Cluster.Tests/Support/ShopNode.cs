using System.Diagnostics;
using System.Reflection;

namespace OrleansShop.Cluster.Tests.Support;

/// <summary>
/// One API process (api/OrleansShop.Api, co-hosting a silo) started as the deploy script does: Production, PostgreSQL,
/// cluster membership on, shared secrets. <see cref="Kill"/> is SIGKILL; <see cref="StopAsync"/> is SIGTERM, a clean leave.
/// </summary>
public sealed class ShopNode : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ShopNode(Process process, int httpPort, int siloPort)
    {
        _process = process;
        HttpPort = httpPort;
        SiloPort = siloPort;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");

    public bool HasExited => _process.HasExited;

    /// <summary>api/OrleansShop.Api's build output.</summary>
    public static string ApiAssembly => BuiltAssembly("ApiAssembly");

    /// <summary>silo/OrleansShop.Silo's build output.</summary>
    public static string SiloAssembly => BuiltAssembly("SiloAssembly");

    /// <summary>
    /// Starts <paramref name="assembly"/> (the API or the silo host) and waits until it answers /health. A
    /// <paramref name="gatewayPort"/> of 0 lets Orleans pick one.
    /// </summary>
    public static async Task<ShopNode> StartAsync(
        string assembly, IReadOnlyDictionary<string, string> environment, int httpPort, int siloPort, int gatewayPort, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{httpPort}");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["OrleansShop__Cluster__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Cluster clients find gateways in the membership table, so any free port will do.
        start.Environment["OrleansShop__Cluster__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var node = new ShopNode(Process.Start(start) ?? throw new InvalidOperationException($"{assembly} did not start."), httpPort, siloPort);
        try
        {
            await node.WaitHealthyAsync(cancellationToken);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    private static string BuiltAssembly(string key) =>
        typeof(ShopNode).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>The lines of output kept so far (the latest 1,000 at least) that match <paramref name="pattern"/>, oldest first.</summary>
    public IReadOnlyList<string> OutputMatching(System.Text.RegularExpressions.Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        lock (_output)
        {
            return [.. _output.Where(line => pattern.IsMatch(line))];
        }
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>SIGTERM, as a service manager stops it: the silo leaves the cluster, then the process exits.</summary>
    public async Task<int> StopAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(cancellationToken);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The API did not exit within {timeout} of SIGTERM.{Output()}", ex);
        }

        return _process.ExitCode;
    }

    public string Output()
    {
        lock (_output)
        {
            // How a process ended tells a crash (134, SIGABRT), a kill (137, SIGKILL) and a host that stopped itself (0) apart.
            var ended = _process.HasExited ? $"{Environment.NewLine}(exited with code {_process.ExitCode} at {_process.ExitTime.ToUniversalTime():HH:mm:ss.fff} UTC)" : "";
            return Environment.NewLine + string.Join(Environment.NewLine, _output.TakeLast(60)) + ended;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.CompletedTask;
        _process.Dispose();
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
            if (_output.Count > 2000)
            {
                _output.RemoveRange(0, 1000);
            }
        }
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_startTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode} while starting.{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "health"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The API did not answer /health within {s_startTimeout}.{Output()}");
    }
}
