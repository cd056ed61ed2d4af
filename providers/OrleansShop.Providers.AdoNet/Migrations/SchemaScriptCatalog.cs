using System.Globalization;
using System.Reflection;

namespace OrleansShop.Providers.AdoNet;

/// <summary>
/// The migration scripts embedded in this assembly (<c>Schema/&lt;Dialect&gt;/NNNN_name.sql</c>), in version order.
/// Versions must run 1, 2, 3, ... without gaps or duplicates, so that "the highest applied version" says exactly
/// which scripts a database has.
/// </summary>
internal static class SchemaScriptCatalog
{
    private static readonly Assembly s_assembly = typeof(SchemaScriptCatalog).Assembly;

    public static IReadOnlyList<SchemaScript> For(AdoNetDialect dialect)
    {
        var folder = dialect switch
        {
            AdoNetDialect.PostgreSql => "Schema/Postgres/",
            AdoNetDialect.SqlServer => "Schema/SqlServer/",
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "unknown ADO.NET dialect"),
        };

        var scripts = s_assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(name, folder))
            .OrderBy(script => script.Version)
            .ToList();

        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"The {dialect} migration scripts must be numbered 1..{scripts.Count} without gaps; found version {scripts[i].Version} at position {i + 1}.");
            }
        }

        return scripts;
    }

    private static SchemaScript Load(string resourceName, string folder)
    {
        var fileName = resourceName[folder.Length..^".sql".Length];
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration script '{resourceName}' is not named NNNN_name.sql.");
        }

        using var stream = s_assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Migration script '{resourceName}' is not embedded.");
        using var reader = new StreamReader(stream);
        return new SchemaScript(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
