using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OrleansShop.Silo.Hosting.Backups;

/// <summary>
/// Backs up an embedded shop's data directory while the shop runs, and restores a backup into a data directory.
/// </summary>
/// <remarks>
/// SQLite's online backup API copies each database from a read transaction. Under WAL (which the shop's files are in) a
/// reader holds no lock that writers wait for, so the shop keeps committing while the copy runs, and the copy is the
/// database as of the moment its read transaction began. All three read transactions are begun before any copying, in
/// the order of <see cref="ShopDataFiles.Databases"/>, so the files' moments are milliseconds apart and ordered: read
/// models no later than grain state, the payment sandbox no earlier. (VACUUM INTO cannot run inside an open transaction,
/// so with it each file's moment would be when the previous file's copy finished; bench/RESULTS-backup.md.) Every write
/// committed before the backup began, such as the order behind an acknowledged checkout, is in the copy; the grain
/// state, reminders and stream subscriptions share one file and so one moment, and are consistent with each other.
/// </remarks>
internal sealed class SqliteShopBackup(string dataDirectory, string serviceId, TextWriter output)
{
    public const string Storage = "sqlite";

    /// <summary>Where a forced restore moves what the data directory held (inside it, so a mounted volume works too).</summary>
    public const string AsidePrefix = "before-restore-";

    private const string StagingPrefix = ".restoring-";

    public BackupManifest Backup(string to)
    {
        var source = Path.GetFullPath(dataDirectory);
        if (!File.Exists(Path.Combine(source, ShopOptions.SqliteFileName)))
        {
            throw new BackupException(
                $"There is no shop data to back up in {source}: it has no {ShopOptions.SqliteFileName}. "
                + "OrleansShop:DataDirectory names the shop's data folder (with dotnet run, relative to the project's folder).");
        }

        var folder = BackupFolder.Prepare(to);
        var snapshots = new List<(string Name, SqliteConnection Connection)>();
        try
        {
            var clock = Stopwatch.StartNew();
            foreach (var name in ShopDataFiles.Databases)
            {
                var path = Path.Combine(source, name);
                if (File.Exists(path))
                {
                    snapshots.Add((name, Open(path)));
                }
            }

            // Opening costs milliseconds (the first loads SQLite); beginning the read transactions after all are open
            // keeps the files' moments close together.
            var takenAt = DateTimeOffset.UtcNow;
            var pinning = Stopwatch.StartNew();
            foreach (var (_, connection) in snapshots)
            {
                BeginSnapshot(connection);
            }

            var pinned = pinning.Elapsed;
            var databases = snapshots.Count;
            var files = new List<BackupFile>();
            foreach (var (name, connection) in snapshots)
            {
                var copy = Path.Combine(folder.Path, name);
                CopyDatabase(connection, copy);
                files.Add(BackupManifest.Describe(copy));
            }

            var sqliteVersion = snapshots[0].Connection.ServerVersion;
            CloseAll(snapshots);
            foreach (var secret in ShopDataFiles.GeneratedSecrets.Where(name => File.Exists(Path.Combine(source, name))))
            {
                var copy = Path.Combine(folder.Path, secret);
                BackupFiles.Copy(Path.Combine(source, secret), copy, expectedSha256: null, ownerOnly: true);
                files.Add(BackupManifest.Describe(copy));
            }

            var manifest = BackupManifest.Create(Storage, takenAt, serviceId, "SQLite " + sqliteVersion + " online backup API", files);
            manifest.Write(folder.Path);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Backed up {source} to {folder.Path} in {clock.Elapsed.TotalSeconds:F2} s (snapshots of {databases} database(s) begun within {pinned.TotalMilliseconds:F2} ms from {takenAt:O}):"));
            foreach (var file in files)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {file.Name,-24} {file.Bytes,14:N0} bytes"));
            }

            return manifest;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            CloseAll(snapshots);
            folder.Discard();
            throw new BackupException($"The backup of {source} to {folder.Path} failed, and nothing was kept: {e.Message}", e);
        }
        catch
        {
            CloseAll(snapshots);
            folder.Discard();
            throw;
        }
    }

    public void Restore(string from, bool force)
    {
        var backup = Path.GetFullPath(from);
        var manifest = BackupManifest.Read(backup);
        if (manifest.Storage != Storage)
        {
            throw new BackupException(
                $"{backup} holds a backup of {manifest.Storage} storage; this shop is configured for SQLite. "
                + $"Set OrleansShop:Storage:Provider={manifest.Storage} (and its connection string) to restore it.");
        }

        if (!manifest.Files.Any(f => f.Name == ShopOptions.SqliteFileName))
        {
            throw new BackupException($"{backup} holds no grain state ({ShopOptions.SqliteFileName}); it is not a backup of an embedded shop.");
        }

        if (manifest.Files.FirstOrDefault(f => !ShopDataFiles.Databases.Contains(f.Name) && !ShopDataFiles.GeneratedSecrets.Contains(f.Name)) is { } stranger)
        {
            throw new BackupException($"{backup} lists {stranger.Name}, which is no file of a shop's data directory; it is not a backup of an embedded shop.");
        }

        manifest.Verify(backup);
        var target = Path.GetFullPath(dataDirectory);
        if (File.Exists(target))
        {
            throw new BackupException($"Cannot restore into {target}: it is a file, not a folder.");
        }

        var present = Directory.Exists(target)
            ? Directory.EnumerateFileSystemEntries(target).Where(e => !Path.GetFileName(e).StartsWith(AsidePrefix, StringComparison.Ordinal)).ToList()
            : [];
        if (present.Count > 0 && !force)
        {
            throw new BackupException(
                $"Will not restore into {target}: it is not empty (it holds {string.Join(", ", present.Take(5).Select(Path.GetFileName))}). "
                + "Restore into a new or empty data directory (OrleansShop:DataDirectory), or stop the shop and add --force "
                + $"to move what it holds aside into {Path.Combine(target, AsidePrefix)}<time>/ first.");
        }

        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var createdTarget = !Directory.Exists(target);
        var staging = Path.Combine(target, StagingPrefix + stamp);
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var file in manifest.Files)
            {
                BackupFiles.Copy(
                    Path.Combine(backup, file.Name), Path.Combine(staging, file.Name), file.Sha256, ownerOnly: ShopDataFiles.GeneratedSecrets.Contains(file.Name));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BackupException)
        {
            TryDelete(createdTarget ? target : staging);
            throw new BackupException($"Cannot restore into {target}, and nothing there was changed: {e.Message}", e);
        }

        string? aside = null;
        if (present.Count > 0)
        {
            aside = Path.Combine(target, AsidePrefix + stamp);
            Directory.CreateDirectory(aside);
            foreach (var entry in present)
            {
                var moved = Path.Combine(aside, Path.GetFileName(entry));
                if (Directory.Exists(entry))
                {
                    Directory.Move(entry, moved);
                }
                else
                {
                    File.Move(entry, moved);
                }
            }
        }

        foreach (var file in manifest.Files)
        {
            File.Move(Path.Combine(staging, file.Name), Path.Combine(target, file.Name));
        }

        Directory.Delete(staging);
        output.WriteLine($"Restored the backup taken at {manifest.TakenAt:O} from {backup} into {target} ({manifest.Files.Count} file(s)).");
        if (aside is not null)
        {
            output.WriteLine($"What {target} held before is in {aside}; delete it once the restored shop is as it should be.");
        }

        if (!string.Equals(manifest.ServiceId, serviceId, StringComparison.Ordinal))
        {
            output.WriteLine(
                $"Warning: the backup's grain state is stored under ServiceId '{manifest.ServiceId}' but this configuration names '{serviceId}'; "
                + $"start the shop with OrleansShop__Cluster__ServiceId={manifest.ServiceId} or it will not see the restored state.");
        }
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 10000");

            // Reads the schema (and readies the code path) ahead of the snapshot, so that beginning it is quick.
            ReadSchema(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void BeginSnapshot(SqliteConnection connection)
    {
        Execute(connection, "BEGIN");

        // A deferred transaction takes its snapshot at its first read; this read fixes the moment the copy is of.
        ReadSchema(connection);
    }

    private static void ReadSchema(SqliteConnection connection)
    {
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT count(*) FROM sqlite_schema";
        read.ExecuteScalar();
    }

    private static void CopyDatabase(SqliteConnection source, string path)
    {
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        copy.Open();

        // One step of all pages from the source's open read transaction, so the copy is of that transaction's snapshot.
        source.BackupDatabase(copy);

        // The copy carries the source's WAL mark in its header; in rollback-journal mode it is one self-contained file that
        // opens anywhere, read-only too. The shop switches it back to WAL when it opens the restored file.
        Execute(copy, "PRAGMA journal_mode = DELETE");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void CloseAll(List<(string Name, SqliteConnection Connection)> snapshots)
    {
        foreach (var (_, connection) in snapshots)
        {
            connection.Dispose();
        }

        snapshots.Clear();
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The error that stopped the restore is the one to report.
        }
    }
}
