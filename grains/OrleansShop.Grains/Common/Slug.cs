using System.Text;

namespace OrleansShop.Grains;

/// <summary>URL slugs: lower-case ASCII letters and digits in words joined by single hyphens.</summary>
internal static class Slug
{
    public const int MaxLength = 120;

    // The process runs with invariant globalization, where Unicode decomposition is not available, so the common
    // Latin letters with diacritics are spelled out here; other letters are dropped.
    private static readonly Dictionary<char, string> Latin = new()
    {
        ['à'] = "a", ['á'] = "a", ['â'] = "a", ['ã'] = "a", ['ä'] = "a", ['å'] = "a", ['æ'] = "ae", ['ç'] = "c",
        ['è'] = "e", ['é'] = "e", ['ê'] = "e", ['ë'] = "e", ['ì'] = "i", ['í'] = "i", ['î'] = "i", ['ï'] = "i",
        ['ñ'] = "n", ['ò'] = "o", ['ó'] = "o", ['ô'] = "o", ['õ'] = "o", ['ö'] = "o", ['ø'] = "o", ['œ'] = "oe",
        ['ù'] = "u", ['ú'] = "u", ['û'] = "u", ['ü'] = "u", ['ý'] = "y", ['ÿ'] = "y", ['ß'] = "ss",
    };

    public static bool IsValid(string? slug)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > MaxLength || slug[0] == '-' || slug[^1] == '-' || slug.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        return slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
    }

    /// <summary>The slug a name suggests ("Red Shoes, Size 9" -> "red-shoes-size-9"); empty when the name has no ASCII letters or digits.</summary>
    public static string FromName(string name)
    {
        var slug = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (var c in name)
        {
            if (slug.Length >= MaxLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (Latin.TryGetValue(char.ToLowerInvariant(c), out var plain))
            {
                slug.Append(plain);
            }
            else if ((char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)) && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().TrimEnd('-');
        return result.Length > MaxLength ? result[..MaxLength].TrimEnd('-') : result;
    }
}
