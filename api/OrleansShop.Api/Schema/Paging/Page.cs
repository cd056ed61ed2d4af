using System.Globalization;
using System.Text;

namespace OrleansShop.Api.Schema;

/// <summary>
/// One page of a list by the Relay cursor algorithm (first/after/last/before) with offset cursors. The slice is taken
/// before the page's items are loaded, so a page costs grain calls for its own items only.
/// </summary>
internal sealed record Page<T>(IReadOnlyList<(string Cursor, T Item)> Items, PageInfo PageInfo, int TotalCount)
{
    public static Page<T> Slice(IReadOnlyList<T> all, IResolverContext context)
    {
        var after = Decode(context.ArgumentValue<string?>("after"));
        var before = Decode(context.OptionalArgument<string?>("before"));
        var (first, last) = PageSize.Of(context);

        var start = after is { } a ? Math.Min(a + 1, all.Count) : 0;
        var end = before is { } b ? Math.Clamp(b, start, all.Count) : all.Count;
        if (first is { } f && end - start > f)
        {
            end = start + f;
        }

        if (last is { } l && end - start > l)
        {
            start = end - l;
        }

        var items = new List<(string, T)>(end - start);
        for (var i = start; i < end; i++)
        {
            items.Add((Encode(i), all[i]));
        }

        var pageInfo = new PageInfo(end < all.Count, start > 0, items.Count > 0 ? items[0].Item1 : null, items.Count > 0 ? items[^1].Item1 : null);
        return new Page<T>(items, pageInfo, all.Count);
    }

    /// <summary>The connection object the contract's XConnection types read, with each item mapped to its node.</summary>
    public Connection<TNode> ToConnection<TNode>(IReadOnlyList<TNode> nodes)
    {
        var edges = new Edge<TNode>[nodes.Count];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = new Edge<TNode>(Items[i].Cursor, nodes[i]);
        }

        return new Connection<TNode>(edges, nodes, PageInfo, TotalCount);
    }

    private static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));

    private static int? Decode(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        var bytes = new byte[cursor.Length];
        if (cursor.Length <= 40 && Convert.TryFromBase64String(cursor, bytes, out var written)
            && int.TryParse(Encoding.UTF8.GetString(bytes, 0, written), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return offset;
        }

        throw ShopErrors.Exception($"The cursor \"{cursor}\" is not valid.", ShopErrors.InvalidCursor);
    }
}
