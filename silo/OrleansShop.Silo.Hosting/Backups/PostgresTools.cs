using System.Diagnostics;

namespace OrleansShop.Silo.Hosting.Backups;

/// <summary>
/// PostgreSQL's client programs (pg_dump, pg_restore) from a folder of binaries: the configured one
/// (<c>OrleansShop:Backup:PostgresBinDirectory</c>), else the newest Debian-style <c>/usr/lib/postgresql/*/bin</c>
/// (pg_dump refuses servers newer than itself, so the newest on the machine is the one that works with most), else PATH.
/// </summary>
internal sealed class PostgresTools
{
    private const string DebianRoot = "/usr/lib/postgresql";

    private readonly string binDirectory;

    private PostgresTools(string binDirectory) => this.binDirectory = binDirectory;

    public static PostgresTools Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasTools(configured)
                ? new PostgresTools(configured)
                : throw new BackupException($"OrleansShop:Backup:PostgresBinDirectory is {configured}, which has no pg_dump and pg_restore.");
        }

        var debian = Directory.Exists(DebianRoot)
            ? Directory.EnumerateDirectories(DebianRoot)
                .Select(version => (Version: int.TryParse(Path.GetFileName(version), out var major) ? major : 0, Bin: Path.Combine(version, "bin")))
                .Where(candidate => HasTools(candidate.Bin))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasTools);
        return (debian ?? onPath) is { } found
            ? new PostgresTools(found)
            : throw new BackupException(
                $"pg_dump and pg_restore were not found (in {DebianRoot}/*/bin or on PATH). Install PostgreSQL's client programs "
                + "(Debian: postgresql-client, of the server's major version or newer) or set OrleansShop:Backup:PostgresBinDirectory.");
    }

    /// <summary>Runs <paramref name="tool"/> with the connection in its environment; returns its standard output, or throws with its errors.</summary>
    public async Task<string> RunAsync(string tool, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path.Combine(binDirectory, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new BackupException($"{start.FileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var standardOutput = await output.ConfigureAwait(false);
        var standardError = (await errors.ConfigureAwait(false)).Trim();
        return process.ExitCode == 0
            ? standardOutput
            : throw new BackupException($"{tool} failed (exit code {process.ExitCode}): {(standardError.Length > 0 ? standardError : standardOutput.Trim())}");
    }

    private static bool HasTools(string folder) =>
        File.Exists(Path.Combine(folder, "pg_dump")) && File.Exists(Path.Combine(folder, "pg_restore"));
}
