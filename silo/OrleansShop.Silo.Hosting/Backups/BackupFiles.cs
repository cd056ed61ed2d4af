using System.Security.Cryptography;

namespace OrleansShop.Silo.Hosting.Backups;

/// <summary>File copies a backup and a restore can rely on: flushed to disk, checked against the hash they must have.</summary>
internal static class BackupFiles
{
    /// <param name="expectedSha256">The copy's required SHA-256 (hex); null to take the source as it is.</param>
    /// <param name="ownerOnly">Readable by the owner only (the generated secrets).</param>
    public static void Copy(string source, string destination, string? expectedSha256, bool ownerOnly)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16))
        using (var to = new FileStream(destination, options))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = from.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                to.Write(buffer, 0, read);
            }

            to.Flush(flushToDisk: true);
        }

        if (expectedSha256 is not null && !string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupException($"{Path.GetFileName(source)} is not the file the backup wrote (its SHA-256 differs).");
        }
    }
}
