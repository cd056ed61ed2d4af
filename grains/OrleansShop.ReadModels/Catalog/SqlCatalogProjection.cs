using System.Data.Common;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;

namespace OrleansShop.ReadModels.Catalog;

/// <summary>
/// Writes the catalog grains' projections into the catalog read model. Each part of a product's row is an upsert that
/// applies only when its version is newer than the stored one, so repeated and reordered projections are harmless.
/// </summary>
public sealed class SqlCatalogProjection(CatalogStore store) : ICatalogProjection
{
    /// <summary>Prices are kept as whole ten-thousandths, so both dialects compare and sort them exactly.</summary>
    public const decimal PriceScale = 10_000m;

    private const string UpsertProduct = """
        INSERT INTO catalog_products (id, sku, slug, name, name_key, description, brand, price_units, currency, archived, created_at, updated_at, product_version)
        VALUES (@id, @sku, @slug, @name, @name_key, @description, @brand, @price_units, @currency, @archived, @created_at, @updated_at, @version)
        ON CONFLICT (id) DO UPDATE SET
            sku = excluded.sku, slug = excluded.slug, name = excluded.name, name_key = excluded.name_key,
            description = excluded.description, brand = excluded.brand, price_units = excluded.price_units,
            currency = excluded.currency, archived = excluded.archived, created_at = excluded.created_at,
            updated_at = excluded.updated_at, product_version = excluded.product_version
        WHERE catalog_products.product_version < excluded.product_version
        """;

    private const string ReplaceSqliteSearchRow = """
        DELETE FROM catalog_search WHERE rowid = (SELECT row_key FROM catalog_products WHERE id = @id);
        INSERT INTO catalog_search (rowid, name, brand, description, sku)
            SELECT row_key, name, coalesce(brand, ''), description, sku FROM catalog_products WHERE id = @id;
        """;

    private const string UpsertStock = """
        INSERT INTO catalog_products (id, available, stock_version) VALUES (@id, @available, @version)
        ON CONFLICT (id) DO UPDATE SET available = excluded.available, stock_version = excluded.stock_version
        WHERE catalog_products.stock_version < excluded.stock_version
        """;

    private const string UpsertRating = """
        INSERT INTO catalog_products (id, rating_count, rating_sum, rating_average, rating_version) VALUES (@id, @count, @sum, @average, @version)
        ON CONFLICT (id) DO UPDATE SET
            rating_count = excluded.rating_count, rating_sum = excluded.rating_sum,
            rating_average = excluded.rating_average, rating_version = excluded.rating_version
        WHERE catalog_products.rating_version < excluded.rating_version
        """;

    public static long PriceUnits(decimal amount) => (long)decimal.Round(amount * PriceScale, MidpointRounding.AwayFromZero);

    public async Task ProjectProductAsync(ProductDetails product, long version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(product);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var applied = await ExecuteAsync(connection, transaction, UpsertProduct, cancellationToken, c => c
            .With("@id", product.Id)
            .With("@sku", product.Sku)
            .With("@slug", product.Slug)
            .With("@name", product.Name)
            .With("@name_key", product.Name.ToLowerInvariant())
            .With("@description", product.Description)
            .With("@brand", product.Brand)
            .With("@price_units", PriceUnits(product.Price.Amount))
            .With("@currency", product.Price.Currency)
            .With("@archived", product.Archived ? 1 : 0)
            .With("@created_at", product.CreatedAt.UtcTicks)
            .With("@updated_at", product.UpdatedAt.UtcTicks)
            .With("@version", version));
        if (applied == 0)
        {
            return;
        }

        await ExecuteAsync(connection, transaction, "DELETE FROM catalog_product_categories WHERE product_id = @id", cancellationToken, c => c.With("@id", product.Id));
        foreach (var categoryId in product.CategoryIds.Distinct(StringComparer.Ordinal))
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO catalog_product_categories (category_id, product_id) VALUES (@category, @id)", cancellationToken,
                c => c.With("@category", categoryId).With("@id", product.Id));
        }

        if (store.Dialect == ReadModelDialect.Sqlite)
        {
            await ExecuteAsync(connection, transaction, ReplaceSqliteSearchRow, cancellationToken, c => c.With("@id", product.Id));
        }

        await transaction.CommitAsync(cancellationToken);
        store.Changed();
    }

    public async Task ProjectStockAsync(string productId, int available, long version, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        if (await ExecuteAsync(connection, null, UpsertStock, cancellationToken, c => c
            .With("@id", productId).With("@available", available).With("@version", version)) > 0)
        {
            store.Changed();
        }
    }

    public async Task ProjectRatingAsync(string productId, RatingSummary rating, long version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rating);
        await using var connection = await store.OpenAsync(cancellationToken);
        if (await ExecuteAsync(connection, null, UpsertRating, cancellationToken, c => c
            .With("@id", productId)
            .With("@count", rating.Count)
            .With("@sum", (long)rating.Sum)
            .With("@average", rating.Average ?? 0d)
            .With("@version", version)) > 0)
        {
            store.Changed();
        }
    }

    private static async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, Action<DbCommand> bind)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
