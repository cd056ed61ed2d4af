using System.Diagnostics;
using System.Text.Json;
using OrleansShop.GraphQL.Tests.Language;

namespace OrleansShop.GraphQL.Tests.Validation;

/// <summary>Runs tests/js/validate.mjs (graphql-js <c>buildSchema</c> + <c>parse</c> + <c>validate</c>).</summary>
internal static class ValidationOracle
{
    private static readonly Lazy<string?> Unavailable = new(Prepare);

    public sealed record Location(int Line, int Column);

    public sealed record Error(string Message, IReadOnlyList<Location> Locations);

    public sealed record Result(string? ParseError, IReadOnlyList<Error> Errors);

    public static IReadOnlyList<Result> Validate(string sdl, IReadOnlyList<string> documents)
    {
        string? reason = Unavailable.Value;
        if (reason is not null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"graphql-js oracle required under CI=true: {reason}");
            }

            Assert.Skip($"graphql-js oracle unavailable: {reason}");
        }

        var (exitCode, output, error) = Run("node", "validate.mjs", JsonSerializer.Serialize(new { schema = sdl, documents }));
        Assert.True(exitCode == 0, $"node validate.mjs failed ({exitCode}): {error}");
        var results = JsonSerializer.Deserialize<List<Result>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.NotNull(results);
        Assert.Equal(documents.Count, results.Count);
        return results;
    }

    private static string? Prepare()
    {
        try
        {
            if (Run("node", "--version", null).ExitCode != 0)
            {
                return "node is not on PATH";
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "node is not on PATH";
        }

        if (Directory.Exists(Path.Combine(RepositoryFiles.OracleDirectory, "node_modules", "graphql")))
        {
            return null;
        }

        try
        {
            var (exitCode, _, error) = Run("npm", "ci --no-audit --no-fund", null, 300);
            return exitCode == 0 ? null : $"npm ci failed ({exitCode}): {error}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "npm is not on PATH and tests/js/node_modules is missing";
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
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            using var writer = new StreamWriter(process.StandardInput.BaseStream, new System.Text.UTF8Encoding(false));
            writer.Write(stdin);
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, string.Empty, $"{program} {arguments} timed out after {timeoutSeconds} s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
