using System.Security.Cryptography;
using System.Text;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// A random secret generated once and kept in a file readable only by its owner, for Development runs where none is
/// configured (the access-token signing key, the payment sandbox's webhook secret).
/// </summary>
public static class DevelopmentSecretFile
{
    /// <summary>The secret in <paramref name="path"/>, creating it with <paramref name="bytes"/> random bytes if it is missing.</summary>
    public static byte[] LoadOrCreate(string path, int bytes, out bool created)
    {
        created = false;
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(bytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs, so both agree.
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        created = true;
        return key;
    }
}
