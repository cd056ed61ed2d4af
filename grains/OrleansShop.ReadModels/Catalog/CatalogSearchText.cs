using System.Text;

namespace OrleansShop.ReadModels.Catalog;

/// <summary>
/// A shopper's search text as words: letters and digits only, so no input can be read as FTS5 query syntax. Every word
/// must match (as PostgreSQL's websearch_to_tsquery reads plain words).
/// </summary>
internal static class CatalogSearchText
{
    public const int MaxWords = 16;
    public const int MaxLength = 200;

    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, MaxLength)))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                Add(words, word);
            }
        }

        Add(words, word);
        return words;
    }

    /// <summary>The FTS5 query: each word quoted, all required.</summary>
    public static string Fts5(IReadOnlyList<string> words) => string.Join(' ', words.Select(w => "\"" + w + "\""));

    /// <summary>The text for websearch_to_tsquery: the same words, without whatever operators the shopper typed.</summary>
    public static string WebSearch(IReadOnlyList<string> words) => string.Join(' ', words);

    private static void Add(List<string> words, StringBuilder word)
    {
        if (word.Length > 0 && words.Count < MaxWords)
        {
            words.Add(word.ToString());
        }

        word.Clear();
    }
}
