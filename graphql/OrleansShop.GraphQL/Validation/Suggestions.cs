namespace OrleansShop.GraphQL.Validation;

/// <summary>"Did you mean" hints as graphql-js words them (<c>didYouMean</c>, <c>suggestionList</c>).</summary>
internal static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>The options close to <paramref name="input"/>, closest first (Damerau-Levenshtein within 40% of the input's length).</summary>
    public static IReadOnlyList<string> List(string input, IEnumerable<string> options)
    {
        var found = new List<(string Option, int Distance)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string inputLower = input.ToLowerInvariant();
        int threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        foreach (var option in options)
        {
            if (!seen.Add(option))
            {
                continue;
            }

            int distance = Distance(input, inputLower, option, threshold);
            if (distance <= threshold)
            {
                found.Add((option, distance));
            }
        }

        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : NaturalCompare(a.Option, b.Option));
        return found.ConvertAll(f => f.Option);
    }

    /// <summary>" Did you mean "a", "b", or "c"?" or the empty string.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions, string? subMessage = null)
    {
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var quoted = new List<string>();
        for (int i = 0; i < suggestions.Count && i < MaxSuggestions; i++)
        {
            quoted.Add("\"" + suggestions[i] + "\"");
        }

        string list = quoted.Count switch
        {
            1 => quoted[0],
            2 => quoted[0] + " or " + quoted[1],
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + ", or " + quoted[^1],
        };
        return " Did you mean " + (subMessage is null ? string.Empty : subMessage + " ") + list + "?";
    }

    private static int Distance(string input, string inputLower, string option, int threshold)
    {
        if (input == option)
        {
            return 0;
        }

        string b = option.ToLowerInvariant();
        if (inputLower == b)
        {
            return 1;
        }

        string a = inputLower;
        if (Math.Abs(a.Length - b.Length) > threshold)
        {
            return int.MaxValue;
        }

        // Optimal string alignment distance with adjacent transpositions.
        var rows = new int[3][];
        for (int r = 0; r < 3; r++)
        {
            rows[r] = new int[b.Length + 1];
        }

        for (int j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            var upper = rows[(i - 1) % 3];
            var current = rows[i % 3];
            int smallest = current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(upper[j] + 1, current[j - 1] + 1), upper[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, rows[(i - 2) % 3][j - 2] + 1);
                }

                current[j] = value;
                smallest = Math.Min(smallest, value);
            }

            if (smallest > threshold)
            {
                return int.MaxValue;
            }
        }

        return rows[a.Length % 3][b.Length];
    }

    /// <summary>Compares with digit runs taken as numbers, as graphql-js <c>naturalCompare</c>.</summary>
    public static int NaturalCompare(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                int si = i, sj = j;
                while (i < a.Length && char.IsAsciiDigit(a[i]))
                {
                    i++;
                }

                while (j < b.Length && char.IsAsciiDigit(b[j]))
                {
                    j++;
                }

                var na = decimal.Parse(a.AsSpan(si, i - si), provider: System.Globalization.CultureInfo.InvariantCulture);
                var nb = decimal.Parse(b.AsSpan(sj, j - sj), provider: System.Globalization.CultureInfo.InvariantCulture);
                if (na != nb)
                {
                    return na.CompareTo(nb);
                }
            }
            else
            {
                if (a[i] != b[j])
                {
                    return a[i].CompareTo(b[j]);
                }

                i++;
                j++;
            }
        }

        return (a.Length - i).CompareTo(b.Length - j);
    }
}
