using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansShop.Deploy.Tests.Support;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64, which the test project downloads on restore.
/// A machine it cannot run on (not linux-x64) skips the tests with the reason, except under CI=true, where they fail.
/// </summary>
internal static partial class BicepCli
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    /// <summary>deploy/azure in this repository.</summary>
    public static string DeployDirectory { get; } = Path.GetFullPath(Metadata("DeployDirectory"));

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The executable, made executable if the package's extraction left it without the bit; null with a reason when it cannot run here.</summary>
    public static string? Find(out string? unavailableReason)
    {
        unavailableReason = null;
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            unavailableReason = "the Bicep CLI package the tests download is for linux-x64, and this machine is "
                + System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
            return null;
        }

        var path = Metadata("BicepCli");
        if (!File.Exists(path))
        {
            unavailableReason = $"the Bicep CLI is not at {path} (restore tests/OrleansShop.Deploy.Tests to download it)";
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }

    /// <summary>
    /// Runs bicep in <paramref name="workingDirectory"/> with the deployer's environment variables the parameter files
    /// read set to <paramref name="deploymentVariables"/> and every other ORLEANSSHOP_ variable of this process removed.
    /// </summary>
    public static async Task<BicepRun> RunAsync(
        string bicep, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> deploymentVariables)
    {
        var start = new ProcessStartInfo(bicep)
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

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ORLEANSSHOP_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in deploymentVariables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {s_timeout}.");
        }

        var command = "bicep " + string.Join(' ', arguments);
        var stdout = await output.ConfigureAwait(false);
        var stderr = await error.ConfigureAwait(false);
        return new BicepRun(command, process.ExitCode, stdout, stderr, ParseDiagnostics(stdout + "\n" + stderr));
    }

    /// <summary>The CLI's diagnostics, one a line: <c>FILE(LINE,COLUMN) : Warning CODE: MESSAGE</c>.</summary>
    public static IReadOnlyList<BicepDiagnostic> ParseDiagnostics(string text) =>
        DiagnosticLine().Matches(text)
            .Select(m => new BicepDiagnostic(m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["level"].Value, m.Groups["code"].Value, m.Groups["message"].Value.Trim()))
            .ToList();

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),\d+\) : (?<level>Error|Warning|Info) (?<code>[^:\s]+): (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

public sealed record BicepRun(string Command, int ExitCode, string Output, string Error, IReadOnlyList<BicepDiagnostic> Diagnostics)
{
    /// <summary>Errors and warnings (the CLI's Info level is neither).</summary>
    public IEnumerable<BicepDiagnostic> Problems => Diagnostics.Where(d => d.Level is "Error" or "Warning");

    public string Describe() => $"{Command} exited {ExitCode}\n{Output}\n{Error}";
}

public sealed record BicepDiagnostic(string File, int Line, string Level, string Code, string Message)
{
    public override string ToString() => $"{System.IO.Path.GetFileName(File)}({Line}) {Level} {Code}: {Message}";
}
