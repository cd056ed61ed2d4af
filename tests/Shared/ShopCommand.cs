using System.Diagnostics;
using System.Reflection;

namespace OrleansShop.Testing;

/// <summary>
/// The API program run as a separate process for one of its maintenance commands (<c>backup</c>, <c>restore</c>,
/// <c>dead-letters</c>), as an operator runs it: <c>dotnet OrleansShop.Api.dll backup --to DIR ...</c> from the API's
/// own build output (the test project's <c>ApiAssembly</c> metadata), in Production unless the environment says otherwise.
/// </summary>
public static class ShopCommand
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit code {ExitCode}; output: {Output.Trim()}; errors: {Error.Trim()}";
    }

    /// <summary>api/OrleansShop.Api's build output.</summary>
    public static string ApiAssembly =>
        typeof(ShopCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ApiAssembly").Value!;

    /// <param name="environment">Variables for the process (settings that must not appear on a command line, such as a connection string).</param>
    public static async Task<Result> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ApiAssembly)!,
        };
        start.ArgumentList.Add(ApiAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', start.ArgumentList)} did not finish within {s_timeout}.");
        }

        return new Result(process.ExitCode, await output, await error);
    }
}
