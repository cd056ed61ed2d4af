using System.Globalization;

namespace OrleansShop.Runtime.Sql.Schema;

/// <summary>One numbered schema script of a dialect, embedded from <c>Schema/{Dialect}/NNNN_description.sql</c>.</summary>
internal sealed record SchemaScript(int Version, string Description, string Sql)
{
    private const string ResourcePrefix = "schema/";

    /// <summary>The dialect's scripts in version order; versions must run 1, 2, 3... without gaps.</summary>
    public static IReadOnlyList<SchemaScript> Load(string dialectFolder)
    {
        var assembly = typeof(SchemaScript).Assembly;
        var prefix = ResourcePrefix + dialectFolder + "/";
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = Path.GetFileNameWithoutExtension(resource[prefix.Length..]);
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new SchemaScript(version, fileName[(separator + 1)..].Replace('_', ' '), reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException($"The {dialectFolder} schema scripts must be numbered 1, 2, 3...; found {scripts[i].Version} at position {i + 1}.");
            }
        }

        return scripts;
    }
}
