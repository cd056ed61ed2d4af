using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OrleansShop.Silo.Hosting;
using OrleansShop.Silo.Hosting.Payments;
using Path = System.IO.Path;

namespace OrleansShop.Api.Payments;

/// <summary>
/// The sandbox provider's own books: tokens, charges, refunds and notifications in a SQLite file of its own under the
/// data directory, so a restart loses nothing. Every write that a retry could repeat is keyed (idempotency key, charge
/// id), so doing it twice takes nothing twice.
/// </summary>
internal sealed class SandboxLedger
{
    public const string FileName = ShopDataFiles.PaymentSandboxDatabase;

    /// <summary>After this many refused or failed deliveries a notification is given up (about half an hour of retries).</summary>
    public const int MaxDeliveryAttempts = 1000;

    private readonly string connectionString;
    private readonly Lock schemaSync = new();
    private Task? schema;

    public SandboxLedger(IOptions<ShopOptions> shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var path = Path.GetFullPath(Path.Combine(shop.Value.DataDirectory, FileName));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ConnectionString;
    }

    public async Task<string> SaveTokenAsync(SandboxCard card, CancellationToken cancellationToken)
    {
        var token = "tok_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        await ExecuteAsync(
            "INSERT INTO tokens (token, brand, last4, outcome, created_at) VALUES ($token, $brand, $last4, $outcome, $now)",
            cancellationToken,
            ("$token", token), ("$brand", card.Brand), ("$last4", card.Last4), ("$outcome", card.Outcome.ToString()), ("$now", Now()));
        return token;
    }

    public async Task<SandboxCard?> FindTokenAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT brand, last4, outcome FROM tokens WHERE token = $token", ("$token", token));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SandboxCard(reader.GetString(0), reader.GetString(1), Enum.Parse<SandboxCardOutcome>(reader.GetString(2)))
            : null;
    }

    /// <summary>Stores the charge under its idempotency key unless one is there already; returns the stored one either way.</summary>
    public async Task<SandboxCharge> CreateChargeAsync(string idempotencyKey, SandboxCharge charge, CancellationToken cancellationToken)
    {
        // One connection for the write and the read back: each open costs a pooled checkout and a busy_timeout pragma.
        await using var connection = await OpenAsync(cancellationToken);
        await using (var insert = Command(
            connection,
            """
            INSERT INTO charges (id, idempotency_key, order_id, payment_id, method, amount, currency, status, brand, last4, message, created_at)
            VALUES ($id, $key, $order, $payment, $method, $amount, $currency, $status, $brand, $last4, $message, $now)
            ON CONFLICT (idempotency_key) DO NOTHING
            """,
            ("$id", charge.Id), ("$key", idempotencyKey), ("$order", charge.OrderId), ("$payment", charge.PaymentId), ("$method", charge.Method),
            ("$amount", charge.Amount.ToString(CultureInfo.InvariantCulture)), ("$currency", charge.Currency), ("$status", charge.Status),
            ("$brand", charge.Brand), ("$last4", charge.Last4), ("$message", charge.Message), ("$now", Now())))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return (await FindChargeAsync(connection, "idempotency_key", idempotencyKey, cancellationToken))!;
    }

    public async Task<SandboxCharge?> GetChargeAsync(string chargeId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindChargeAsync(connection, "id", chargeId, cancellationToken);
    }

    /// <summary>Moves the charge from <paramref name="from"/> to <paramref name="to"/> if it is there; returns the charge as it now is.</summary>
    public async Task<SandboxCharge?> MoveAsync(string chargeId, string from, string to, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var update = Command(connection, "UPDATE charges SET status = $to WHERE id = $id AND status = $from", ("$id", chargeId), ("$from", from), ("$to", to)))
        {
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return await FindChargeAsync(connection, "id", chargeId, cancellationToken);
    }

    /// <summary>
    /// Settles a redirect (Alipay) charge that is still pending, and in the same transaction queues the notification to
    /// the shop; returns whether this call settled it.
    /// </summary>
    public async Task<bool> SettleAsync(string chargeId, string status, string notification, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // Immediate: the write lock is taken up front, so two settlements of one charge serialize here.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var update = Command(connection, "UPDATE charges SET status = $status WHERE id = $id AND status = 'pending'", ("$id", chargeId), ("$status", status));
        update.Transaction = transaction;
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await using var insert = Command(
            connection,
            "INSERT INTO notifications (charge_id, body, attempts, created_at) VALUES ($id, $body, 0, $now)",
            ("$id", chargeId), ("$body", notification), ("$now", Now()));
        insert.Transaction = transaction;
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Refunds the captured or authorized charge of the shop's payment once per idempotency key: the first answer is
    /// kept and returned to every retry.
    /// </summary>
    public async Task<(string Status, string Message)> RefundAsync(string idempotencyKey, string paymentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var earlier = Command(connection, "SELECT status, message FROM refunds WHERE idempotency_key = $key", ("$key", idempotencyKey)))
        {
            earlier.Transaction = transaction;
            await using var reader = await earlier.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return (reader.GetString(0), reader.GetString(1));
            }
        }

        await using var update = Command(
            connection,
            "UPDATE charges SET status = 'refunded' WHERE payment_id = $payment AND status IN ('captured', 'authorized')",
            ("$payment", paymentId));
        update.Transaction = transaction;
        var refunded = await update.ExecuteNonQueryAsync(cancellationToken) > 0;
        var answer = refunded ? ("refunded", "Refunded.") : ("failed", "No captured charge of this payment to refund.");
        await using var insert = Command(
            connection,
            "INSERT INTO refunds (idempotency_key, payment_id, status, message, created_at) VALUES ($key, $payment, $status, $message, $now)",
            ("$key", idempotencyKey), ("$payment", paymentId), ("$status", answer.Item1), ("$message", answer.Item2), ("$now", Now()));
        insert.Transaction = transaction;
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return answer;
    }

    /// <summary>Notifications the shop has not yet acknowledged, oldest first.</summary>
    public async Task<IReadOnlyList<(long Id, string Body)>> UndeliveredAsync(string? chargeId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = chargeId is null
            ? Command(connection, $"SELECT id, body FROM notifications WHERE delivered_at IS NULL AND attempts < {MaxDeliveryAttempts} ORDER BY id LIMIT 100")
            : Command(connection, "SELECT id, body FROM notifications WHERE delivered_at IS NULL AND charge_id = $charge", ("$charge", chargeId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<(long, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return list;
    }

    public Task RecordDeliveryAsync(long notificationId, bool delivered, CancellationToken cancellationToken) =>
        ExecuteAsync(
            delivered
                ? "UPDATE notifications SET attempts = attempts + 1, delivered_at = $now WHERE id = $id"
                : "UPDATE notifications SET attempts = attempts + 1 WHERE id = $id",
            cancellationToken,
            ("$id", notificationId), ("$now", Now()));

    private static async Task<SandboxCharge?> FindChargeAsync(SqliteConnection connection, string column, string value, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            $"SELECT id, order_id, payment_id, method, amount, currency, status, brand, last4, message FROM charges WHERE {column} = $value",
            ("$value", value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new SandboxCharge(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            decimal.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
            reader.GetString(5),
            reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            null);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Task created;
        lock (schemaSync)
        {
            // A failed attempt (the disk was unavailable) is tried again by the next caller rather than remembered.
            created = schema is { IsFaulted: false, IsCanceled: false } ? schema : schema = CreateSchemaAsync();
        }

        await created;
        return await OpenRawAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // SQLite's own busy handler waits a millisecond or two for another connection's write lock; the provider's
            // fallback (retrying until the command timeout) sleeps far longer between tries.
            await using var pragma = Command(connection, "PRAGMA busy_timeout = 10000;");
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = await OpenRawAsync(CancellationToken.None);
        await using var command = Command(
            connection,
            """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS tokens (
                token TEXT PRIMARY KEY, brand TEXT NOT NULL, last4 TEXT NOT NULL, outcome TEXT NOT NULL, created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS charges (
                id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, order_id TEXT NOT NULL, payment_id TEXT NOT NULL,
                method TEXT NOT NULL, amount TEXT NOT NULL, currency TEXT NOT NULL, status TEXT NOT NULL,
                brand TEXT, last4 TEXT, message TEXT, created_at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS charges_by_payment ON charges (payment_id);
            CREATE TABLE IF NOT EXISTS refunds (
                idempotency_key TEXT PRIMARY KEY, payment_id TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL, created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS notifications (
                id INTEGER PRIMARY KEY AUTOINCREMENT, charge_id TEXT NOT NULL, body TEXT NOT NULL, attempts INTEGER NOT NULL,
                created_at TEXT NOT NULL, delivered_at TEXT);
            CREATE INDEX IF NOT EXISTS notifications_undelivered ON notifications (delivered_at, id);
            """);
        await command.ExecuteNonQueryAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
