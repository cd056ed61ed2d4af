using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;

namespace OrleansShop.Api.Storefront;

/// <summary>
/// The web app (web/), built at build time and embedded in this assembly by the project file; read once at start-up.
/// Files under assets/ carry a content hash in their name, so they never change and browsers may keep them for a year.
/// </summary>
internal sealed class StorefrontAssets
{
    private const string ResourcePrefix = "Storefront/";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public StorefrontAssets()
    {
        var assembly = typeof(StorefrontAssets).Assembly;
        var raw = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                raw[name[ResourcePrefix.Length..].Replace('\\', '/')] = buffer.ToArray();
            }
        }

        var files = new Dictionary<string, StorefrontFile>(StringComparer.Ordinal);
        foreach (var (path, content) in raw)
        {
            if (path.EndsWith(".br", StringComparison.Ordinal) || path.EndsWith(".gz", StringComparison.Ordinal))
            {
                continue;
            }

            if (!ContentTypes.TryGetContentType(path, out var contentType))
            {
                contentType = "application/octet-stream";
            }

            if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType == "application/javascript")
            {
                contentType += "; charset=utf-8";
            }

            var etag = "\"" + Convert.ToBase64String(SHA256.HashData(content).AsSpan(0, 12)) + "\"";
            files[path] = new StorefrontFile(
                contentType, content, raw.GetValueOrDefault(path + ".br"), raw.GetValueOrDefault(path + ".gz"), etag,
                Immutable: path.StartsWith("assets/", StringComparison.Ordinal));
        }

        Files = files.ToFrozenDictionary(StringComparer.Ordinal);
        Index = Files.GetValueOrDefault("index.html");
    }

    public FrozenDictionary<string, StorefrontFile> Files { get; }

    /// <summary>The page every client route answers with; null when the build had no Node.js to build the app.</summary>
    public StorefrontFile? Index { get; }
}
