using System.Data.Common;

namespace OrleansShop.ReadModels.Catalog;

/// <summary>
/// The catalog read model's tables, created if missing (idempotent, safe to run at every start and from several silos).
/// One row per product holds three independently versioned parts (catalog data, availability, rating), each written
/// by its own grain; a row whose catalog part has not arrived yet (sku null) is not a product to search.
/// </summary>
internal static class CatalogSchema
{
    private const string SqliteDdl = """
        CREATE TABLE IF NOT EXISTS catalog_products (
            row_key INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            sku TEXT, slug TEXT, name TEXT, name_key TEXT, description TEXT, brand TEXT,
            price_units INTEGER, currency TEXT,
            archived INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER, updated_at INTEGER,
            product_version INTEGER NOT NULL DEFAULT -1,
            available INTEGER NOT NULL DEFAULT 0,
            stock_version INTEGER NOT NULL DEFAULT -1,
            rating_count INTEGER NOT NULL DEFAULT 0,
            rating_sum INTEGER NOT NULL DEFAULT 0,
            rating_average REAL NOT NULL DEFAULT 0,
            rating_version INTEGER NOT NULL DEFAULT -1);
        CREATE TABLE IF NOT EXISTS catalog_product_categories (
            category_id TEXT NOT NULL, product_id TEXT NOT NULL, PRIMARY KEY (category_id, product_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS catalog_product_categories_product ON catalog_product_categories (product_id);
        CREATE INDEX IF NOT EXISTS catalog_products_name ON catalog_products (name_key, id);
        CREATE INDEX IF NOT EXISTS catalog_products_price ON catalog_products (price_units, id);
        CREATE INDEX IF NOT EXISTS catalog_products_created ON catalog_products (created_at, id);
        CREATE INDEX IF NOT EXISTS catalog_products_rating ON catalog_products (rating_average, id);
        CREATE VIRTUAL TABLE IF NOT EXISTS catalog_search USING fts5(name, brand, description, sku, tokenize = 'porter unicode61');
        """;

    // The search vector is a generated column, so no write path can forget it; names and SKUs weigh most. Text columns
    // compare bytewise (COLLATE "C") so that sorting and keyset cursors agree with SQLite whatever the database's locale.
    private const string PostgresDdl = """
        SELECT pg_advisory_xact_lock(7302158841);
        CREATE TABLE IF NOT EXISTS catalog_products (
            id text COLLATE "C" PRIMARY KEY,
            sku text, slug text, name text, name_key text COLLATE "C", description text, brand text COLLATE "C",
            price_units bigint, currency text,
            archived integer NOT NULL DEFAULT 0,
            created_at bigint, updated_at bigint,
            product_version bigint NOT NULL DEFAULT -1,
            available integer NOT NULL DEFAULT 0,
            stock_version bigint NOT NULL DEFAULT -1,
            rating_count integer NOT NULL DEFAULT 0,
            rating_sum bigint NOT NULL DEFAULT 0,
            rating_average double precision NOT NULL DEFAULT 0,
            rating_version bigint NOT NULL DEFAULT -1,
            search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
                setweight(to_tsvector('english', coalesce(sku, '')), 'A') ||
                setweight(to_tsvector('english', coalesce(brand, '')), 'B') ||
                setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED);
        CREATE INDEX IF NOT EXISTS catalog_products_search ON catalog_products USING GIN (search);
        CREATE TABLE IF NOT EXISTS catalog_product_categories (
            category_id text COLLATE "C" NOT NULL, product_id text COLLATE "C" NOT NULL, PRIMARY KEY (category_id, product_id));
        CREATE INDEX IF NOT EXISTS catalog_product_categories_product ON catalog_product_categories (product_id);
        CREATE INDEX IF NOT EXISTS catalog_products_name ON catalog_products (name_key, id);
        CREATE INDEX IF NOT EXISTS catalog_products_price ON catalog_products (price_units, id);
        CREATE INDEX IF NOT EXISTS catalog_products_created ON catalog_products (created_at, id);
        CREATE INDEX IF NOT EXISTS catalog_products_rating ON catalog_products (rating_average, id);
        """;

    public static async Task CreateAsync(DbConnection connection, ReadModelDialect dialect, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = dialect == ReadModelDialect.Sqlite ? SqliteDdl : PostgresDdl;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
