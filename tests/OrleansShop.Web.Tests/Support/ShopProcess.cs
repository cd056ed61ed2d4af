using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansShop.Testing;

namespace OrleansShop.Web.Tests.Support;

/// <summary>
/// The real API process (api/OrleansShop.Api's build output, co-hosting a silo on SQLite) on a fresh data directory and
/// a free port, started once for the test assembly; ready when its demo catalog is seeded.
/// </summary>
public sealed class ShopProcess : IAsyncLifetime
{
    public const int DemoProducts = 300;
    public const string AdminEmail = "admin@shop.test";
    public const string AdminPassword = "admin-password-for-tests";
    private readonly List<string> _output = [];
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "orleansshop-web-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; } = new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false });

    public async ValueTask InitializeAsync()
    {
        var port = LoopbackPorts.Take();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Http.BaseAddress = BaseAddress;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(WebTools.ApiAssembly)!,
        };
        start.ArgumentList.Add(WebTools.ApiAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["OrleansShop__DataDirectory"] = _dataDirectory;
        start.Environment["OrleansShop__Cluster__SiloPort"] = "0";
        start.Environment["OrleansShop__Cluster__GatewayPort"] = "0";
        start.Environment["OrleansShop__Demo__Products"] = DemoProducts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["OrleansShop__Admin__Email"] = AdminEmail;
        start.Environment["OrleansShop__Admin__Password"] = AdminPassword;
        start.Environment["OrleansShop__Dashboard__Enabled"] = "false";
        _process = Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForCatalogAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Http.Dispose();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    public string Output()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.TakeLast(80));
        }
    }

    private async Task WaitForCatalogAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode}:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await Http.PostAsJsonAsync("graphql", new { query = "{ products(first: 1) { totalCount } }" });
                if (response.IsSuccessStatusCode)
                {
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    if (body.RootElement.GetProperty("data").GetProperty("products").GetProperty("totalCount").GetInt32() >= DemoProducts)
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The API did not seed its demo catalog within 3 minutes:{Environment.NewLine}{Output()}");
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
}
