using System.Buffers.Text;
using System.Collections;
using System.Globalization;
using System.Text;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>
/// Slices a list into a page by the Relay cursor connection algorithm (first/after/last/before) with
/// offset cursors, and enforces the maximum page size.
/// </summary>
internal static class ConnectionSlicer
{
    public static Connection Slice(object? source, IResolverContext context, PagingOptions options)
    {
        if (source is Connection ready)
        {
            return ready;
        }

        var items = source switch
        {
            null => [],
            IReadOnlyList<object?> list => list,
            IEnumerable enumerable => enumerable.Cast<object?>().ToList(),
            _ => throw new GraphQLException($"The paged field \"{context.Field}\" must resolve to a list, not \"{source.GetType().Name}\".", "INVALID_PAGING_SOURCE"),
        };

        var first = context.Argument<int?>("first");
        var last = context.Argument<int?>("last");
        var after = Decode(context.Argument<string?>("after"), context);
        var before = Decode(context.Argument<string?>("before"), context);
        if (first < 0 || last < 0)
        {
            throw new GraphQLException("The arguments \"first\" and \"last\" must not be negative.", "INVALID_PAGING_ARGUMENT");
        }

        if (first > options.MaxPageSize || last > options.MaxPageSize)
        {
            throw new GraphQLException($"The page size requested for \"{context.Field}\" exceeds the maximum of {options.MaxPageSize}.", "PAGE_SIZE_EXCEEDED");
        }

        if (first is null && last is null)
        {
            first = options.DefaultPageSize;
        }

        var start = after is { } a ? Math.Min(a + 1, items.Count) : 0;
        var end = before is { } b ? Math.Clamp(b, start, items.Count) : items.Count;
        var hasNext = false;
        var hasPrevious = false;
        if (first is { } f && end - start > f)
        {
            end = start + f;
            hasNext = true;
        }

        if (last is { } l && end - start > l)
        {
            start = end - l;
            hasPrevious = true;
        }

        // Like HotChocolate: report items beyond either end of the page, not only those trimmed by first/last.
        hasNext |= end < items.Count;
        hasPrevious |= start > 0;
        var edges = new Edge[end - start];
        for (var i = start; i < end; i++)
        {
            edges[i - start] = new Edge(Encode(i), items[i]);
        }

        var pageInfo = new PageInfo(hasNext, hasPrevious, edges.Length > 0 ? edges[0].Cursor : null, edges.Length > 0 ? edges[^1].Cursor : null);
        return new Connection(edges, pageInfo, items.Count);
    }

    public static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));

    private static int? Decode(string? cursor, IResolverContext context)
    {
        if (cursor is null)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[32];
        if (cursor.Length <= 40 && Convert.TryFromBase64String(cursor, bytes, out var written)
            && Utf8Parser.TryParse(bytes[..written], out int offset, out var consumed) && consumed == written && offset >= 0)
        {
            return offset;
        }

        throw new GraphQLException($"The cursor \"{cursor}\" given to \"{context.Field}\" is not valid.", "INVALID_CURSOR");
    }
}
