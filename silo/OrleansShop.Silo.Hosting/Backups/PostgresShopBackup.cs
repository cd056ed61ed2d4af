using System.Globalization;
using Npgsql;

namespace OrleansShop.Silo.Hosting.Backups;

/// <summary>
/// Backs up a shop's PostgreSQL database with pg_dump (custom format) and restores it with pg_restore, reaching the
/// server through the configured connection string, handed to both as libpq environment variables.
/// </summary>
/// <remarks>
/// pg_dump reads the whole database in one repeatable-read transaction, so the dump is the database as of one moment,
/// taken while the shop keeps writing: grain state, reminders and read models alike. Every transaction committed before
/// it began, such as the order behind an acknowledged checkout, is in it. pg_restore runs as one transaction: a restore
/// that fails leaves the target database as it was.
/// </remarks>
internal sealed class PostgresShopBackup(string connectionString, string? binDirectory, string serviceId, TextWriter output)
{
    public const string Storage = "postgres";
    public const string DumpFileName = "database.dump";

    // Cluster membership lists the silos that were running when the backup was taken: runtime state, not the shop's data.
    // Its tables are kept and their rows left out, so a cluster restored from the backup forms from the silos that start on it.
    private static readonly string[] s_runtimeTables = ["orleansmembershiptable", "orleansmembershipversiontable"];

    public async Task<BackupManifest> BackupAsync(string to, CancellationToken cancellationToken)
    {
        var environment = LibpqEnvironment.From(connectionString);
        var tools = PostgresTools.Find(binDirectory);
        var folder = BackupFolder.Prepare(to);
        try
        {
            var version = (await tools.RunAsync("pg_dump", ["--version"], environment, cancellationToken).ConfigureAwait(false)).Trim();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var takenAt = DateTimeOffset.UtcNow;
            var dump = Path.Combine(folder.Path, DumpFileName);
            await tools.RunAsync(
                "pg_dump",
                ["--format=custom", "--no-password", "--file=" + dump, .. s_runtimeTables.Select(table => "--exclude-table-data=" + table)],
                environment,
                cancellationToken).ConfigureAwait(false);
            var manifest = BackupManifest.Create(Storage, takenAt, serviceId, version, [BackupManifest.Describe(dump)]);
            manifest.Write(folder.Path);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Backed up {LibpqEnvironment.Describe(environment)} to {folder.Path} in {clock.Elapsed.TotalSeconds:F2} s ({version}, snapshot from {takenAt:O}): {DumpFileName} {manifest.Files[0].Bytes:N0} bytes."));
            return manifest;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            folder.Discard();
            throw new BackupException($"The backup to {folder.Path} failed, and nothing was kept: {e.Message}", e);
        }
        catch
        {
            folder.Discard();
            throw;
        }
    }

    public async Task RestoreAsync(string from, bool force, CancellationToken cancellationToken)
    {
        var backup = Path.GetFullPath(from);
        var manifest = BackupManifest.Read(backup);
        if (manifest.Storage != Storage)
        {
            throw new BackupException(
                $"{backup} holds a backup of {manifest.Storage} storage; this shop is configured for PostgreSQL. "
                + $"Set OrleansShop:Storage:Provider={manifest.Storage} (and OrleansShop:DataDirectory) to restore it.");
        }

        if (!manifest.Files.Any(f => f.Name == DumpFileName))
        {
            throw new BackupException($"{backup} holds no {DumpFileName}; it is not a backup of a PostgreSQL shop.");
        }

        manifest.Verify(backup);
        var environment = LibpqEnvironment.From(connectionString);
        var target = LibpqEnvironment.Describe(environment);
        var tools = PostgresTools.Find(binDirectory);
        var present = await RelationsAsync(target, cancellationToken).ConfigureAwait(false);
        if (present.Count > 0 && !force)
        {
            throw new BackupException(
                $"Will not restore into {target}: it is not empty (it has {string.Join(", ", present)}). "
                + "Restore into a new, empty database, or stop the shop and add --force to drop and replace what the backup holds.");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await tools.RunAsync(
            "pg_restore",
            [
                "--no-password",
                "--single-transaction",
                "--no-owner",
                "--no-privileges",
                .. force ? (string[])["--clean", "--if-exists"] : [],
                "--dbname=" + ConnectionInfoNaming(environment["PGDATABASE"]),
                Path.Combine(backup, DumpFileName),
            ],
            environment,
            cancellationToken).ConfigureAwait(false);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Restored the backup taken at {manifest.TakenAt:O} from {backup} into {target} in {clock.Elapsed.TotalSeconds:F2} s."));
        if (!string.Equals(manifest.ServiceId, serviceId, StringComparison.Ordinal))
        {
            output.WriteLine(
                $"Warning: the backup's grain state is stored under ServiceId '{manifest.ServiceId}' but this configuration names '{serviceId}'; "
                + $"start the shop with OrleansShop__Cluster__ServiceId={manifest.ServiceId} or it will not see the restored state.");
        }
    }

    /// <summary>A libpq connection string naming only the database (host, user and password come from the environment).</summary>
    private static string ConnectionInfoNaming(string database) =>
        "dbname='" + database.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>Up to six tables, views or sequences outside PostgreSQL's own schemas: none means the database is empty.</summary>
    private async Task<List<string>> RelationsAsync(string target, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText =
                """
                SELECT n.nspname || '.' || c.relname
                FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
                ORDER BY 1
                LIMIT 6
                """;
            var names = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }
        catch (NpgsqlException e)
        {
            throw new BackupException($"Cannot connect to {target}: {e.Message}", e);
        }
    }
}
