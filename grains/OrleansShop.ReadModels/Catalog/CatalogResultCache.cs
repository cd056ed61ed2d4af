using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace OrleansShop.ReadModels.Catalog;

/// <summary>
/// Recent answers of identical catalog queries (a storefront's pages are asked for over and over). An answer is served
/// only while no catalog write was committed by this process since it was read (<see cref="CatalogStore.Generation"/>),
/// so in embedded mode a change is visible at once; and at most <see cref="Lifetime"/> old, which bounds how long a
/// write from another silo of a cluster goes unseen, well within the second the read model may lag.
/// </summary>
internal sealed class CatalogResultCache(CatalogStore store)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMilliseconds(250);

    private const int MaxEntries = 4_096;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async Task<T> GetOrQueryAsync<T>(string key, Func<Task<T>> query)
        where T : class
    {
        // Read the generation before querying: a write committed during the query makes this answer stale at once.
        var generation = store.Generation;
        var now = Environment.TickCount64;
        if (entries.TryGetValue(key, out var entry) && entry.Generation == generation && entry.ExpiresAt > now)
        {
            return (T)entry.Value;
        }

        var value = await query();
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[key] = new Entry(generation, now + (long)Lifetime.TotalMilliseconds, value);
        return value;
    }

    /// <summary>A key that is equal for equal queries (and pages): every part, in a fixed order, with separators.</summary>
    public static string Key(string kind, CatalogQuery query, CatalogPageRequest? page)
    {
        var key = new StringBuilder(kind).Append('\u001f').Append(query.Search).Append('\u001f').Append(query.IncludeArchived ? '1' : '0');
        if (query.Filter is { } filter)
        {
            Append(key, filter.CategoryIds);
            Append(key, filter.Brands);
            key.Append('\u001f').Append(filter.MinPrice?.ToString(CultureInfo.InvariantCulture))
                .Append('\u001f').Append(filter.MaxPrice?.ToString(CultureInfo.InvariantCulture))
                .Append('\u001f').Append(filter.InStock?.ToString())
                .Append('\u001f').Append(filter.MinRating?.ToString("R", CultureInfo.InvariantCulture));
        }

        foreach (var sort in query.Sort ?? [])
        {
            key.Append('\u001f').Append(sort.Field.ToString()).Append(sort.Descending ? '-' : '+');
        }

        if (page is not null)
        {
            key.Append('\u001e').Append(page.First?.ToString(CultureInfo.InvariantCulture)).Append('\u001f').Append(page.After)
                .Append('\u001f').Append(page.Last?.ToString(CultureInfo.InvariantCulture)).Append('\u001f').Append(page.Before);
        }

        return key.ToString();
    }

    private static void Append(StringBuilder key, IReadOnlyCollection<string>? values)
    {
        key.Append('\u001d');
        if (values is not null)
        {
            key.Append(values.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var value in values.Order(StringComparer.Ordinal))
            {
                key.Append('\u001f').Append(value);
            }
        }
    }

    private sealed record Entry(long Generation, long ExpiresAt, object Value);
}
