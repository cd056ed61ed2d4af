using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace OrleansShop.Web.Tests.Support;

/// <summary>
/// Node.js, npm and Chromium for the browser and component tests. A missing tool skips the test with the reason,
/// except under CI=true, where it fails: CI must run everything.
/// </summary>
internal static class WebTools
{
    public const string Chromium = "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The web app's folder (web/ in the repository).</summary>
    public static string WebDirectory { get; } = Path.GetFullPath(Metadata("WebDirectory"));

    /// <summary>api/OrleansShop.Api's build output.</summary>
    public static string ApiAssembly { get; } = Path.GetFullPath(Metadata("ApiAssembly"));

    public static void Unavailable(string reason)
    {
        if (IsCi)
        {
            Assert.Fail(reason + " (CI=true: required)");
        }

        Assert.Skip(reason);
    }

    /// <summary>
    /// Node.js with web/node_modules in place; the API's build installs them (npm ci) when it finds npm, so their absence
    /// means the build had no Node.js and the shop was not built either.
    /// </summary>
    public static string RequireNode()
    {
        var node = FindOnPath("node");
        if (node is null || FindOnPath("npm") is null)
        {
            Unavailable("Node.js and npm are needed for the web app's tests (apt-get install nodejs npm), before building.");
        }

        if (!File.Exists(Path.Combine(WebDirectory, "node_modules", ".package-lock.json")) || !File.Exists(Path.Combine(WebDirectory, "dist", "index.html")))
        {
            Unavailable($"The web app was not built in {WebDirectory} (no npm when the API was built): build again with Node.js.");
        }

        return node!;
    }

    public static void RequireChromium()
    {
        if (!File.Exists(Chromium))
        {
            Unavailable($"Chromium is needed at {Chromium} (apt-get install chromium).");
        }
    }

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NODE_NO_WARNINGS"] = "1";
        start.Environment["CHROMIUM"] = Chromium;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} did not finish within {timeout}:\n{await output}\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string Metadata(string key) =>
        typeof(WebTools).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
