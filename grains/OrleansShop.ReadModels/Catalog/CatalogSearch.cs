using System.Data.Common;
using System.Globalization;

namespace OrleansShop.ReadModels.Catalog;

/// <summary>
/// Answers catalog queries from the read model: pages of product ids with keyset cursors (stable under inserts and
/// deletes, because a cursor holds the row's sort values, not an offset), the matched count, and facets.
/// </summary>
public sealed class CatalogSearch(CatalogStore store)
{
    private readonly CatalogResultCache cache = new(store);

    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Price bands of the price facet: lower bound inclusive, upper exclusive, in the product's currency.</summary>
    public static readonly IReadOnlyList<(string Label, decimal From, decimal? To)> PriceBands =
    [
        ("0-25", 0m, 25m),
        ("25-50", 25m, 50m),
        ("50-100", 50m, 100m),
        ("100-250", 100m, 250m),
        ("250+", 250m, null),
    ];

    public Task<CatalogPage> PageAsync(CatalogQuery query, CatalogPageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        Validate(query, page);
        return cache.GetOrQueryAsync(CatalogResultCache.Key("page", query, page), () => QueryPageAsync(query, page, cancellationToken));
    }

    /// <summary>
    /// The page together with what <paramref name="load"/> makes of its hits (the products themselves), both answered
    /// from the cache under the same rule as the page alone: a storefront's most asked-for pages then cost no query and no
    /// product read until the catalog changes. <paramref name="load"/> must give the same answer to every caller.
    /// </summary>
    public Task<LoadedCatalogPage<T>> PageAsync<T>(CatalogQuery query, CatalogPageRequest page, Func<CatalogPage, Task<T>> load, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(load);
        Validate(query, page);
        return cache.GetOrQueryAsync(CatalogResultCache.Key("loaded:" + typeof(T).FullName, query, page), async () =>
        {
            var hits = await QueryPageAsync(query, page, cancellationToken);
            return new LoadedCatalogPage<T>(hits, await load(hits));
        });
    }

    /// <summary>How many products the query matches, whatever the page.</summary>
    public async Task<int> CountAsync(CatalogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        Validate(query, new CatalogPageRequest());
        var count = await cache.GetOrQueryAsync(CatalogResultCache.Key("count", query, null), async () => (object)await QueryCountAsync(query, cancellationToken));
        return (int)count;
    }

    /// <summary>Brand, category and price-band counts of the matched products, largest first (price bands in price order).</summary>
    public Task<IReadOnlyList<CatalogFacet>> FacetsAsync(CatalogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        Validate(query, new CatalogPageRequest());
        return cache.GetOrQueryAsync(CatalogResultCache.Key("facets", query, null), () => QueryFacetsAsync(query, cancellationToken));
    }

    private async Task<CatalogPage> QueryPageAsync(CatalogQuery query, CatalogPageRequest page, CancellationToken cancellationToken)
    {
        var matched = new MatchedSet(query, store.Dialect);
        var keys = SortKeys(query, matched.Searching, out var signature);
        var kinds = keys.Select(k => k.Kind).ToArray();
        var after = page.After is null ? null : CatalogCursor.Decode(page.After, signature, kinds);
        var before = page.Before is null ? null : CatalogCursor.Decode(page.Before, signature, kinds);

        var bounds = new List<string>();
        if (after is not null)
        {
            bounds.Add(Keyset(keys, Bind(matched, "@after", after), forward: true, inclusive: false));
        }

        if (before is not null)
        {
            bounds.Add(Keyset(keys, Bind(matched, "@before", before), forward: false, inclusive: false));
        }

        var backwards = page.Last is not null;
        var size = page.Last ?? page.First ?? DefaultPageSize;
        var order = string.Join(", ", keys.Select(k => k.Column + ((k.Descending != backwards) ? " DESC" : " ASC")));
        var sql = $"SELECT {string.Join(", ", keys.Select(k => k.Column).Distinct())} FROM ({matched.Sql}) m" +
                  (bounds.Count > 0 ? " WHERE " + string.Join(" AND ", bounds) : string.Empty) +
                  $" ORDER BY {order} LIMIT {(size + 1).ToString(CultureInfo.InvariantCulture)}";

        await using var connection = await store.OpenForReadingAsync(cancellationToken);
        var hits = new List<CatalogHit>(size + 1);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            matched.Bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var ordinals = keys.Select(k => reader.GetOrdinal(k.Column)).ToArray();
            while (await reader.ReadAsync(cancellationToken))
            {
                var values = new object[keys.Count];
                for (var i = 0; i < keys.Count; i++)
                {
                    values[i] = keys[i].Kind == typeof(string) ? reader.GetString(ordinals[i])
                        : keys[i].Kind == typeof(long) ? (object)reader.GetInt64(ordinals[i])
                        : reader.GetDouble(ordinals[i]);
                }

                hits.Add(new CatalogHit((string)values[^1], CatalogCursor.Encode(signature, values)));
            }
        }

        var more = hits.Count > size;
        if (more)
        {
            hits.RemoveAt(hits.Count - 1);
        }

        if (backwards)
        {
            hits.Reverse();
            var hasNext = before is not null && await ExistsAsync(connection, matched, Keyset(keys, Bind(matched, "@beyond", before), forward: true, inclusive: true), cancellationToken);
            return new CatalogPage(hits, hasNext, more);
        }

        var hasPrevious = after is not null && await ExistsAsync(connection, matched, Keyset(keys, Bind(matched, "@beyond", after), forward: false, inclusive: true), cancellationToken);
        return new CatalogPage(hits, more, hasPrevious);
    }

    private async Task<int> QueryCountAsync(CatalogQuery query, CancellationToken cancellationToken)
    {
        var matched = new MatchedSet(query, store.Dialect);
        await using var connection = await store.OpenForReadingAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM ({matched.Sql}) m";
        matched.Bind(command);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyList<CatalogFacet>> QueryFacetsAsync(CatalogQuery query, CancellationToken cancellationToken)
    {
        var matched = new MatchedSet(query, store.Dialect);
        var bands = string.Join(' ', PriceBands.Select((b, i) => b.To is { } to
            ? $"WHEN price_units < {SqlCatalogProjection.PriceUnits(to).ToString(CultureInfo.InvariantCulture)} THEN {i.ToString(CultureInfo.InvariantCulture)}"
            : $"ELSE {i.ToString(CultureInfo.InvariantCulture)}"));
        await using var connection = await store.OpenForReadingAsync(cancellationToken);
        var brand = await CountsAsync(connection, matched,
            $"SELECT brand, COUNT(*) FROM ({matched.Sql}) m WHERE brand IS NOT NULL GROUP BY brand ORDER BY 2 DESC, 1", cancellationToken);
        var category = await CountsAsync(connection, matched,
            $"SELECT c.category_id, COUNT(*) FROM ({matched.Sql}) m JOIN catalog_product_categories c ON c.product_id = m.id GROUP BY c.category_id ORDER BY 2 DESC, 1",
            cancellationToken);
        var price = await CountsAsync(connection, matched,
            $"SELECT CAST(CASE {bands} END AS integer) AS band, COUNT(*) FROM ({matched.Sql}) m GROUP BY 1 ORDER BY 1", cancellationToken);
        return
        [
            new CatalogFacet("brand", brand),
            new CatalogFacet("category", category),
            new CatalogFacet("price", [.. price.Select(v => v with { Value = PriceBands[int.Parse(v.Value, CultureInfo.InvariantCulture)].Label })]),
        ];
    }

    private static void Validate(CatalogQuery query, CatalogPageRequest page)
    {
        if (page.First is not null && page.Last is not null)
        {
            throw new CatalogQueryException("Give \"first\" or \"last\", not both.", "INVALID_PAGING_ARGUMENT");
        }

        if (page.First < 0 || page.Last < 0)
        {
            throw new CatalogQueryException("The arguments \"first\" and \"last\" must not be negative.", "INVALID_PAGING_ARGUMENT");
        }

        if (page.First > MaxPageSize || page.Last > MaxPageSize)
        {
            throw new CatalogQueryException($"A page holds at most {MaxPageSize} products.", "PAGE_SIZE_EXCEEDED");
        }

        if (query.Filter is { MinPrice: { } min, MaxPrice: { } max } && min > max)
        {
            throw new CatalogQueryException($"The minimum price {min} is above the maximum price {max}.", "INVALID_ARGUMENT");
        }

        if (query.Filter is { MinPrice: < 0 } or { MaxPrice: < 0 })
        {
            throw new CatalogQueryException("Prices in a filter must not be negative.", "INVALID_ARGUMENT");
        }

        if (query.Filter?.MinRating is { } rating && (double.IsNaN(rating) || rating is < 0 or > 5))
        {
            throw new CatalogQueryException("The minimum rating must be 0 to 5.", "INVALID_ARGUMENT");
        }
    }

    /// <summary>The sort keys (the id last); relevance needs search text, and without keys the default order applies.</summary>
    private static List<CatalogSortKey> SortKeys(CatalogQuery query, bool searching, out string signature)
    {
        var sorts = (query.Sort ?? [])
            .Where(s => searching || s.Field != CatalogSortField.Relevance)
            .DistinctBy(s => s.Field)
            .ToList();
        if (sorts.Count == 0)
        {
            sorts.Add(new CatalogSort(searching ? CatalogSortField.Relevance : CatalogSortField.CreatedAt));
        }

        signature = string.Join(',', sorts.Select(s => s.Field + (s.Descending ? ":desc" : ":asc")));
        return [.. sorts.Select(CatalogSortKey.For), CatalogSortKey.Id];
    }

    private static string[] Bind(MatchedSet matched, string prefix, object[] values) =>
        [.. values.Select((v, i) => matched.Add(prefix + i.ToString(CultureInfo.InvariantCulture), v))];

    /// <summary>
    /// The rows after (<paramref name="forward"/>) or before the cursor row in the sort order, the cursor row included
    /// when <paramref name="inclusive"/>: (k1 &gt; v1) OR (k1 = v1 AND k2 &gt; v2) OR ... with each key's direction.
    /// </summary>
    private static string Keyset(IReadOnlyList<CatalogSortKey> keys, string[] parameters, bool forward, bool inclusive)
    {
        var terms = new List<string>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var parts = new List<string>(i + 1);
            for (var j = 0; j < i; j++)
            {
                parts.Add($"{keys[j].Column} = {parameters[j]}");
            }

            var op = (keys[i].Descending != forward) ? ">" : "<";
            if (inclusive && i == keys.Count - 1)
            {
                op += "=";
            }

            parts.Add($"{keys[i].Column} {op} {parameters[i]}");
            terms.Add("(" + string.Join(" AND ", parts) + ")");
        }

        return "(" + string.Join(" OR ", terms) + ")";
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, MatchedSet matched, string condition, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT 1 FROM ({matched.Sql}) m WHERE {condition} LIMIT 1";
        matched.Bind(command);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task<List<CatalogFacetValue>> CountsAsync(DbConnection connection, MatchedSet matched, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        matched.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<CatalogFacetValue>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(new CatalogFacetValue(
                Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!,
                Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return values;
    }
}
