using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansShop.Silo.Hosting.Backups;

/// <summary>
/// <c>backup.json</c>, written last into a backup folder: what the backup holds, of which storage, taken when. A folder
/// without it is not a backup, or one that did not finish.
/// </summary>
/// <param name="Storage"><c>sqlite</c> or <c>postgres</c>: which storage the backup was taken from and restores to.</param>
/// <param name="TakenAt">When the backup's snapshots were taken: everything committed before is in it.</param>
/// <param name="ServiceId">Orleans' ServiceId the grain state is stored under; a shop with another one would not see it.</param>
/// <param name="Tool">What took the snapshot (SQLite's version, or pg_dump's).</param>
public sealed record BackupManifest(
    string Format,
    int Version,
    string Storage,
    DateTimeOffset TakenAt,
    string ServiceId,
    string Tool,
    IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "backup.json";
    public const string FormatName = "orleansshop-backup";
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static BackupManifest Create(string storage, DateTimeOffset takenAt, string serviceId, string tool, IReadOnlyList<BackupFile> files) =>
        new(FormatName, CurrentVersion, storage, takenAt, serviceId, tool, files);

    /// <summary>Reads the manifest of <paramref name="folder"/>; throws a <see cref="BackupException"/> when the folder is not a backup.</summary>
    public static BackupManifest Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new BackupException($"{folder} is not a backup: there is no such folder.");
        }

        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"{folder} is not an OrleansShop backup: it has no {FileName} (a backup writes it last, so a backup that did not finish has none either).");
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), s_json);
        }
        catch (JsonException e)
        {
            throw new BackupException($"{folder} is not an OrleansShop backup: {FileName} is not readable ({e.Message}).", e);
        }

        if (manifest is null || manifest.Format != FormatName || manifest.Files is null || manifest.Storage is null)
        {
            throw new BackupException($"{folder} is not an OrleansShop backup: {FileName} does not describe one.");
        }

        if (manifest.Version > CurrentVersion)
        {
            throw new BackupException($"{folder} was written by a newer OrleansShop (backup format {manifest.Version}; this one reads up to {CurrentVersion}).");
        }

        return manifest;
    }

    /// <summary>Writes the manifest into <paramref name="folder"/> under a temporary name, then renames it into place.</summary>
    public void Write(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var partial = path + ".partial";
        using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, this, s_json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(partial, path);
    }

    /// <summary>Checks that every file is present, whole and unchanged; throws naming the first that is not.</summary>
    public void Verify(string folder)
    {
        foreach (var file in Files)
        {
            if (string.IsNullOrEmpty(file.Name) || file.Name != Path.GetFileName(file.Name) || file.Name is "." or "..")
            {
                throw new BackupException($"{folder} is not an OrleansShop backup: {FileName} names a file outside it ({file.Name}).");
            }

            var path = Path.Combine(folder, file.Name);
            if (!File.Exists(path))
            {
                throw new BackupException($"The backup in {folder} is incomplete: {file.Name} is missing.");
            }

            if (new FileInfo(path).Length != file.Bytes || !string.Equals(HashOf(path), file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new BackupException($"The backup in {folder} is damaged: {file.Name} is not the file the backup wrote (its size or SHA-256 differs).");
            }
        }
    }

    public static BackupFile Describe(string path) => new(Path.GetFileName(path), new FileInfo(path).Length, HashOf(path));

    public static string HashOf(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
