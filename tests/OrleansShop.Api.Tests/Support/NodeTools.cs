using System.Diagnostics;
using System.Text;

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// Runs the Node.js side of the tests (js/ beside this project: playwright-core driving Chromium).
/// Installs js/node_modules with <c>npm ci</c> on first use. A missing tool skips the test with the reason, except under
/// CI=true, where it fails: CI must run everything.
/// </summary>
internal static class NodeTools
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>Debian's Chromium, which the browser tests drive through playwright-core.</summary>
    public const string Chromium = "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The test project's source folder, found by walking up from the test binaries.</summary>
    public static string ProjectDirectory { get; } = FindProjectDirectory();

    public static string ScriptDirectory => Path.Combine(ProjectDirectory, "js");

    /// <summary>Skips (or under CI fails) the current test with <paramref name="reason"/>.</summary>
    public static void Unavailable(string reason)
    {
        if (IsCi)
        {
            Assert.Fail(reason + " (CI=true: required)");
        }

        Assert.Skip(reason);
    }

    public static string? FindOnPath(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Node.js with js/node_modules installed; skips or fails the test when Node.js or npm is missing.</summary>
    public static async Task<string> RequireNodeAsync()
    {
        var node = FindOnPath("node");
        var npm = FindOnPath("npm");
        if (node is null || npm is null)
        {
            Unavailable("Node.js and npm are needed for this test (apt-get install nodejs npm).");
        }

        await InstallLock.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            var marker = Path.Combine(ScriptDirectory, "node_modules", ".package-lock.json");
            var lockFile = Path.Combine(ScriptDirectory, "package-lock.json");
            if (!File.Exists(marker) || File.GetLastWriteTimeUtc(marker) < File.GetLastWriteTimeUtc(lockFile))
            {
                var (exitCode, output, error) = await RunAsync(npm!, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], ScriptDirectory, TimeSpan.FromMinutes(5));
                if (exitCode != 0)
                {
                    Assert.Fail($"npm ci failed in {ScriptDirectory} ({exitCode}):\n{output}\n{error}");
                }

                File.SetLastWriteTimeUtc(marker, DateTime.UtcNow);
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return node!;
    }

    /// <summary>Runs js/<paramref name="script"/> with Node.js and returns its standard output; fails the test on a non-zero exit.</summary>
    public static async Task<string> RunScriptAsync(string script, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var node = await RequireNodeAsync();
        var (exitCode, output, error) = await RunAsync(node, [Path.Combine(ScriptDirectory, script), .. arguments], ScriptDirectory, timeout);
        if (exitCode != 0)
        {
            Assert.Fail($"node {script} exited with {exitCode}:\n{output}\n{error}");
        }

        return output;
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
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

    private static string FindProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrleansShop.Api.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The test project folder was not found above " + AppContext.BaseDirectory);
    }
}
