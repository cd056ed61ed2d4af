namespace OrleansShop.ReadModels.Catalog;

/// <summary>A sort key as SQL: a column of the matched set, the CLR type of its values, and its direction.</summary>
internal sealed record CatalogSortKey(string Column, Type Kind, bool Descending)
{
    public static readonly CatalogSortKey Id = new("id", typeof(string), false);

    public static CatalogSortKey For(CatalogSort sort) => sort.Field switch
    {
        CatalogSortField.Relevance => new("relevance", typeof(double), sort.Descending),
        CatalogSortField.Name => new("name_key", typeof(string), sort.Descending),
        CatalogSortField.Price => new("price_units", typeof(long), sort.Descending),
        CatalogSortField.CreatedAt => new("created_at", typeof(long), sort.Descending),
        CatalogSortField.Rating => new("rating_average", typeof(double), sort.Descending),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort.Field, "Unknown sort field."),
    };
}
