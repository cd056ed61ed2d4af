using System.Text;

namespace OrleansShop.Grains;

/// <summary>URL slugs: lower-case ASCII letters and digits in words joined by single hyphens.</summary>
internal static class Slug
{
    public const int MaxLength = 120;

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
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (slug.Length == MaxLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)) && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
