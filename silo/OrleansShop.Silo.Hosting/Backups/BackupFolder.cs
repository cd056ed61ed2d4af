namespace OrleansShop.Silo.Hosting.Backups;

/// <summary>
/// The folder a backup is written to: a new one, or an empty one, so that a backup never mixes with another's files.
/// A backup that fails discards it again, leaving things as they were.
/// </summary>
internal sealed class BackupFolder
{
    private readonly bool created;

    private BackupFolder(string path, bool created)
    {
        Path = path;
        this.created = created;
    }

    public string Path { get; }

    public static BackupFolder Prepare(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new BackupException($"Cannot write the backup to {full}: it is a file, not a folder.");
        }

        if (Directory.Exists(full))
        {
            if (Directory.EnumerateFileSystemEntries(full).Any())
            {
                throw new BackupException($"Cannot write the backup to {full}: the folder is not empty. Name a new or empty folder.");
            }

            return new BackupFolder(full, created: false);
        }

        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"Cannot write the backup to {full}: {e.Message}", e);
        }

        return new BackupFolder(full, created: true);
    }

    /// <summary>Removes what the failed backup wrote: the folder was empty or absent before.</summary>
    public void Discard()
    {
        try
        {
            if (created)
            {
                Directory.Delete(Path, recursive: true);
                return;
            }

            foreach (var file in Directory.EnumerateFiles(Path))
            {
                File.Delete(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The error that failed the backup is the one to report; a partial folder without backup.json is not taken for a backup.
        }
    }
}
