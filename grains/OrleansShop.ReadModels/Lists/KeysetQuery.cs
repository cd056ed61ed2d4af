using System.Data.Common;

namespace OrleansShop.ReadModels.Lists;

/// <summary>
/// Newest-first keyset paging in plain SQL that SQLite and PostgreSQL both run: the filter, then rows strictly past the
/// cursor on (sort key, id), one row more than asked to know whether another page follows.
/// </summary>
internal static class KeysetQuery
{
    public static async Task<ListPage<T>> PageAsync<T>(
        DbConnection connection,
        string table,
        string columns,
        string sortColumn,
        string idColumn,
        IReadOnlyList<ListFilter> filters,
        ListPageRequest request,
        Func<DbDataReader, T> read,
        Func<T, ListCursor> cursorOf,
        CancellationToken cancellationToken)
    {
        var where = new List<string>();
        await using var count = connection.CreateCommand();
        await using var select = connection.CreateCommand();
        for (var i = 0; i < filters.Count; i++)
        {
            var names = new object[filters[i].Values.Count];
            for (var j = 0; j < names.Length; j++)
            {
                names[j] = $"@f{i}_{j}";
                Add(count, (string)names[j], filters[i].Values[j]);
                Add(select, (string)names[j], filters[i].Values[j]);
            }

            where.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, filters[i].Sql, names));
        }

        count.CommandText = $"SELECT COUNT(*) FROM {table}" + Where(where);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        // Paging backwards (last without first) reads the window oldest-first from the far end, then turns it around.
        var backwards = request.Last is not null && request.First is null;
        var limit = (backwards ? request.Last : request.First) ?? int.MaxValue - 1;
        if (request.After is { } after)
        {
            where.Add($"({sortColumn} < @afterKey OR ({sortColumn} = @afterKey AND {idColumn} < @afterId))");
            Add(select, "@afterKey", after.SortKey);
            Add(select, "@afterId", after.Id);
        }

        if (request.Before is { } before)
        {
            where.Add($"({sortColumn} > @beforeKey OR ({sortColumn} = @beforeKey AND {idColumn} > @beforeId))");
            Add(select, "@beforeKey", before.SortKey);
            Add(select, "@beforeId", before.Id);
        }

        var direction = backwards ? "ASC" : "DESC";
        select.CommandText = $"SELECT {columns} FROM {table}{Where(where)} ORDER BY {sortColumn} {direction}, {idColumn} {direction} LIMIT @limit";
        Add(select, "@limit", (long)limit + 1);
        var rows = new List<T>();
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }
        }

        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (backwards)
        {
            rows.Reverse();
        }
        else if (request.Last is { } last && rows.Count > last)
        {
            rows.RemoveRange(0, rows.Count - last);
        }

        var items = rows.Select(r => (cursorOf(r), r)).ToList();
        return backwards
            ? new ListPage<T>(items, request.Before is not null, more, total)
            : new ListPage<T>(items, more, request.After is not null, total);
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static string Where(List<string> conditions) => conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
}
