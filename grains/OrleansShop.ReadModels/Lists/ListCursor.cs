using System.Globalization;
using System.Text;

namespace OrleansShop.ReadModels.Lists;

/// <summary>
/// A keyset cursor: the sort key and id of an item, so a page starts right after it even when rows were added or
/// changed in between (an offset would skip or repeat them).
/// </summary>
public readonly record struct ListCursor(long SortKey, string Id)
{
    public override string ToString() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{SortKey}:{Id}")));

    public static bool TryParse(string? text, out ListCursor cursor)
    {
        cursor = default;
        if (text is null || text.Length > 400)
        {
            return false;
        }

        var bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var written))
        {
            return false;
        }

        var value = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1
            || !long.TryParse(value.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key))
        {
            return false;
        }

        cursor = new ListCursor(key, value[(colon + 1)..]);
        return true;
    }
}
