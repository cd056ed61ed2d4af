using System.Text;
using System.Text.RegularExpressions;

namespace OrleansShop.Providers.AdoNet.Tests.Support;

/// <summary>Reads the <c>OrleansQuery</c> rows a dialect's embedded scripts insert, by parsing the SQL text.</summary>
internal static partial class OrleansQueryScripts
{
    /// <summary>QueryKey -> (script version, QueryText) for every statement the dialect's scripts insert.</summary>
    public static IReadOnlyDictionary<string, (int Version, string Text)> For(AdoNetDialect dialect)
    {
        var queries = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var script in SchemaScriptCatalog.For(dialect))
        {
            foreach (var (key, text) in Parse(script.Sql))
            {
                Assert.True(queries.TryAdd(key, (script.Version, text)), $"{dialect}: QueryKey {key} is inserted twice");
            }
        }

        return queries;
    }

    /// <summary>The (QueryKey, QueryText) pairs of every <c>INSERT INTO OrleansQuery</c> in a script.</summary>
    public static IEnumerable<(string Key, string Text)> Parse(string sql)
    {
        foreach (Match insert in InsertHeader().Matches(sql))
        {
            yield return (insert.Groups["key"].Value, ReadLiteral(sql, insert.Index + insert.Length));
        }
    }

    /// <summary>The named parameters a statement reads, less the variables it declares itself (T-SQL).</summary>
    public static IReadOnlySet<string> Parameters(string queryText)
    {
        var declared = DeclaredVariable().Matches(queryText).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        return Parameter().Matches(queryText)
            .Select(m => m.Groups["name"].Value)
            .Where(name => !declared.Contains(name))
            .ToHashSet(StringComparer.Ordinal);
    }

    // The text after the opening quote of a SQL string literal, up to its closing quote; '' is a quote.
    private static string ReadLiteral(string sql, int start)
    {
        var text = new StringBuilder();
        for (var i = start; i < sql.Length; i++)
        {
            if (sql[i] != '\'')
            {
                text.Append(sql[i]);
            }
            else if (i + 1 < sql.Length && sql[i + 1] == '\'')
            {
                text.Append('\'');
                i++;
            }
            else
            {
                return text.ToString();
            }
        }

        throw new InvalidOperationException("unterminated QueryText literal");
    }

    [GeneratedRegex(@"INSERT\s+INTO\s+OrleansQuery\s*\(\s*QueryKey\s*,\s*QueryText\s*\)\s*VALUES\s*\(\s*'(?<key>\w+)'\s*,\s*N?'", RegexOptions.IgnoreCase)]
    private static partial Regex InsertHeader();

    [GeneratedRegex(@"(?<![@\w])@(?<name>[A-Za-z_]\w*)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"DECLARE\s+@(?<name>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredVariable();
}
