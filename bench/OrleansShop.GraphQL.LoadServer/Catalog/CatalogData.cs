using System.Globalization;

namespace OrleansShop.GraphQL.LoadServer.Catalog;

/// <summary>
/// The in-memory data both engines serve; bench/js/catalog.mjs builds the same values with the same formulas, and
/// bench/js/check-same.mjs verifies that both servers answer every benchmark operation identically.
/// </summary>
public static class CatalogData
{
    public const int CategoryCount = 12;

    public const int ProductCount = 20;

    static CatalogData()
    {
        var categories = new CatalogCategory[CategoryCount];
        CatalogCategory? parent = null;
        for (var i = 0; i < categories.Length; i++)
        {
            parent = categories[i] = new CatalogCategory($"c{i}", $"Category {i}", parent);
        }

        Categories = categories;
        CategoriesById = categories.ToDictionary(c => c.Id, StringComparer.Ordinal);

        var products = new CatalogProduct[ProductCount];
        for (var i = 0; i < products.Length; i++)
        {
            products[i] = new CatalogProduct(
                $"p{i}",
                $"Product {i}",
                "SKU-" + i.ToString("D5", CultureInfo.InvariantCulture),
                9.5 + (i * 1.25),
                i * 7,
                i % 3 != 0,
                categories[i % CategoryCount]);
        }

        Products = products;
    }

    /// <summary>c0 is the root; the parent of c<i>n</i> is c<i>n-1</i>.</summary>
    public static IReadOnlyList<CatalogCategory> Categories { get; }

    public static IReadOnlyDictionary<string, CatalogCategory> CategoriesById { get; }

    public static IReadOnlyList<CatalogProduct> Products { get; }
}
