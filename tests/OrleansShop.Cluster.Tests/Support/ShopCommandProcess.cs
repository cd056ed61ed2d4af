using System.Diagnostics;

namespace OrleansShop.Cluster.Tests.Support;

/// <summary>
/// The API program run for one of its maintenance commands (<c>dead-letters</c>, <c>migrate</c>) as an operator runs
/// it: <c>dotnet OrleansShop.Api.dll dead-letters ...</c> from its build output, configured by environment variables.
/// </summary>
public static class ShopCommandProcess
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit code {ExitCode}; output: {Output.Trim()}; errors: {Error.Trim()}";
    }

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ShopNode.ApiAssembly)!,
        };
        start.ArgumentList.Add(ShopNode.ApiAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(s_timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', start.ArgumentList)} did not finish within {s_timeout}.");
        }

        return new Result(process.ExitCode, await output, await error);
    }
}
