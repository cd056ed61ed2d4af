using System.Data.Common;
using System.Globalization;

namespace OrleansShop.ReadModels.Catalog;

/// <summary>
/// The SQL of the products a query matches (search text, filters, archived or not) as a sub-select with every sort
/// column, which paging, counting and facets all select from; and the parameters it needs.
/// </summary>
internal sealed class MatchedSet
{
    private readonly List<(string Name, object? Value)> parameters = [];

    public MatchedSet(CatalogQuery query, ReadModelDialect dialect)
    {
        var words = CatalogSearchText.Words(query.Search);
        Searching = words.Count > 0;
        var conditions = new List<string> { "p.sku IS NOT NULL" };
        var from = "catalog_products p";
        var rank = dialect == ReadModelDialect.Sqlite ? "0.0" : "0::float8";
        if (Searching && dialect == ReadModelDialect.Sqlite)
        {
            // bm25 is smaller for better matches; weights follow the column order: name, brand, description, sku.
            from += " JOIN (SELECT rowid AS search_key, bm25(catalog_search, 10.0, 4.0, 1.0, 8.0) AS score FROM catalog_search WHERE catalog_search MATCH @search) s ON s.search_key = p.row_key";
            rank = "s.score";
            Add("@search", CatalogSearchText.Fts5(words));
        }
        else if (Searching)
        {
            from += " CROSS JOIN websearch_to_tsquery('english', @search) q";
            conditions.Add("p.search @@ q");
            rank = "(-ts_rank(p.search, q))::float8";
            Add("@search", CatalogSearchText.WebSearch(words));
        }

        if (!query.IncludeArchived)
        {
            conditions.Add("p.archived = 0");
        }

        if (query.Filter is { } filter)
        {
            Filter(filter, conditions);
        }

        Sql = $"SELECT p.id AS id, p.brand AS brand, p.name_key AS name_key, p.price_units AS price_units, p.created_at AS created_at, " +
              $"p.rating_average AS rating_average, {rank} AS relevance FROM {from} WHERE {string.Join(" AND ", conditions)}";
    }

    /// <summary>Whether the query has search words (relevance is meaningful).</summary>
    public bool Searching { get; }

    /// <summary>A SELECT whose rows are the matched products (columns id, brand, name_key, price_units, created_at, rating_average, relevance).</summary>
    public string Sql { get; }

    public string Add(string name, object? value)
    {
        parameters.Add((name, value));
        return name;
    }

    public void Bind(DbCommand command)
    {
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }
    }

    private void Filter(ProductFilter filter, List<string> conditions)
    {
        if (filter.CategoryIds is { } categories)
        {
            conditions.Add(categories.Count == 0
                ? "1 = 0"
                : $"p.id IN (SELECT product_id FROM catalog_product_categories WHERE category_id IN ({List("@category", categories)}))");
        }

        if (filter.Brands is { } brands)
        {
            conditions.Add(brands.Count == 0 ? "1 = 0" : $"p.brand IN ({List("@brand", brands)})");
        }

        if (filter.MinPrice is { } min)
        {
            conditions.Add($"p.price_units >= {Add("@min_price", SqlCatalogProjection.PriceUnits(min))}");
        }

        if (filter.MaxPrice is { } max)
        {
            conditions.Add($"p.price_units <= {Add("@max_price", SqlCatalogProjection.PriceUnits(max))}");
        }

        if (filter.InStock is { } inStock)
        {
            conditions.Add(inStock ? "p.available > 0" : "p.available <= 0");
        }

        if (filter.MinRating is { } rating and > 0)
        {
            conditions.Add($"p.rating_count > 0 AND p.rating_average >= {Add("@min_rating", rating)}");
        }
    }

    private string List(string prefix, IEnumerable<string> values) =>
        string.Join(", ", values.Distinct(StringComparer.Ordinal).Select((v, i) => Add(prefix + i.ToString(CultureInfo.InvariantCulture), v)));
}
