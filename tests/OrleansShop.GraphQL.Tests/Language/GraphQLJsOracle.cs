using System.Diagnostics;
using System.Text.Json;

namespace OrleansShop.GraphQL.Tests.Language;

/// <summary>
/// Runs graphql-js (pinned in tests/js/package.json) through the node scripts of tests/js, for every differential test:
/// here print(parse(doc)) or the syntax error. Installs graphql-js with <c>npm ci</c> when node_modules is missing.
/// Without node (or without npm and node_modules) the differential tests skip, except under CI=true where the oracle
/// is required.
/// </summary>
internal static class GraphQLJsOracle
{
    private static readonly Lazy<string?> Unavailable = new(Prepare);

    private static readonly JsonSerializerOptions AnswerJson = new(JsonSerializerDefaults.Web);

    public sealed record Result(bool Ok, string? Printed, string? Message, int Line, int Column);

    public static void SkipWhenUnavailable()
    {
        string? reason = Unavailable.Value;
        if (reason is null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"graphql-js oracle required under CI=true: {reason}");
        }

        Assert.Skip($"graphql-js oracle unavailable: {reason}");
    }

    public static IReadOnlyList<Result> PrintOrError(IReadOnlyList<string> documents)
    {
        List<Result> results = RunScript<List<Result>>("print-parse.mjs", JsonSerializer.Serialize(documents));
        Assert.Equal(documents.Count, results.Count);
        return results;
    }

    /// <summary>
    /// Runs <c>node tests/js/{script}</c> with <paramref name="inputJson"/> on stdin and reads its JSON answer from stdout.
    /// Skips or fails as <see cref="SkipWhenUnavailable"/> does without node; fails with the script's stderr when it exits
    /// non-zero or outlives <paramref name="timeoutSeconds"/>.
    /// </summary>
    internal static TAnswer RunScript<TAnswer>(string script, string inputJson, int timeoutSeconds = 60)
    {
        SkipWhenUnavailable();
        (int exitCode, string output, string error) = Run("node", script, inputJson, timeoutSeconds);
        Assert.True(exitCode == 0, $"node {script} failed ({exitCode}): {error}");
        TAnswer? answer = JsonSerializer.Deserialize<TAnswer>(output, AnswerJson);
        Assert.NotNull(answer);
        return answer;
    }

    private static string? Prepare()
    {
        if (!CanRun("node"))
        {
            return "node is not on PATH";
        }

        if (Directory.Exists(Path.Combine(RepositoryFiles.OracleDirectory, "node_modules", "graphql")))
        {
            return null;
        }

        // npm is only needed to install graphql-js; an existing node_modules is enough to run the scripts.
        if (!CanRun("npm"))
        {
            return "npm is not on PATH and tests/js/node_modules is missing";
        }

        (int exitCode, _, string error) = Run("npm", "ci --no-audit --no-fund", stdin: null, timeoutSeconds: 300);
        return exitCode == 0 ? null : $"npm ci failed ({exitCode}): {error}";
    }

    private static bool CanRun(string program)
    {
        try
        {
            return Run(program, "--version", stdin: null).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (int ExitCode, string Output, string Error) Run(string program, string arguments, string? stdin, int timeoutSeconds = 60)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = RepositoryFiles.OracleDirectory,
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            using (var writer = new StreamWriter(process.StandardInput.BaseStream, new System.Text.UTF8Encoding(false)))
            {
                writer.Write(stdin);
            }
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, string.Empty, $"{program} {arguments} timed out after {timeoutSeconds} s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
