#:package Microsoft.Data.Sqlite
// SQLite's online backup API against VACUUM INTO, the two ways to copy a live SQLite database, on one WAL file of
// grain-state-like rows: time, size of the copy, and what a writer committing one row per transaction meanwhile sees
// (commits during the copy, p99 and worst commit latency), beside the same writer with no copy running. Every copy is
// flushed to disk before its time is taken (VACUUM INTO does not sync its output; a backup must be durable). Also checks
// the two properties the backup command relies on. Bounded: a fixed file, three rounds. Results: bench/RESULTS-backup.md.
//   dotnet run bench/sqlite-backup-methods.cs -- [rows=50000] [folder=/tmp/orleansshop-backup-methods]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "orleansshop-backup-methods");
Directory.CreateDirectory(folder);
var source = Path.Combine(folder, "source.db");
if (!File.Exists(source))
{
    CreateSource(source, rows);
}

Console.WriteLine(FormattableString.Invariant($"source: {new FileInfo(source).Length / 1048576.0:F1} MB, {rows:N0} rows, WAL, synchronous=NORMAL"));
CheckPinnedSnapshot(source, folder);

var results = new List<(string Method, bool Writer, double Ms, long Bytes, Latencies? Writes)>();
for (var round = 0; round < 3; round++)
{
    foreach (var writer in new[] { false, true })
    {
        foreach (var method in new[] { "backup API", "backup API, no journal", "VACUUM INTO", "none" })
        {
            if (method == "none" && !writer)
            {
                continue;
            }

            results.Add(Measure(source, Path.Combine(folder, "copy.db"), method, writer));
        }
    }
}

Console.WriteLine();
Console.WriteLine("| method | writer running | copy time (median of 3) | copy size | writer commits/s during | writer p99 | writer worst |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
foreach (var group in results.GroupBy(r => (r.Method, r.Writer)))
{
    var writes = group.Where(r => r.Writes is not null).Select(r => r.Writes!).ToList();
    Console.WriteLine(FormattableString.Invariant(
        $"| {group.Key.Method} | {(group.Key.Writer ? "yes" : "no")} | {(group.Key.Method == "none" ? "-" : $"{Median(group.Select(r => r.Ms)):F0} ms")} | {(group.Key.Method == "none" ? "-" : $"{group.First().Bytes / 1048576.0:F1} MB")} | {(writes.Count == 0 ? "-" : $"{Median(writes.Select(w => w.PerSecond)):N0}")} | {(writes.Count == 0 ? "-" : $"{Median(writes.Select(w => w.P99)):F1} ms")} | {(writes.Count == 0 ? "-" : $"{writes.Max(w => w.Worst):F0} ms")} |"));
}

Directory.Delete(folder, recursive: true);

static (string, bool, double, long, Latencies?) Measure(string source, string copy, string method, bool withWriter)
{
    File.Delete(copy);
    using var stop = new CancellationTokenSource();
    var latencies = new List<double>();
    var writer = withWriter ? Task.Run(() => Write(source, latencies, stop.Token)) : Task.CompletedTask;
    if (withWriter)
    {
        Thread.Sleep(300);
    }

    int before;
    lock (latencies)
    {
        before = latencies.Count;
    }

    var clock = Stopwatch.StartNew();
    using (var connection = Open(source))
    {
        if (method.StartsWith("backup API", StringComparison.Ordinal))
        {
            using var destination = new SqliteConnection(ConnectionString(copy));
            if (method.EndsWith("no journal", StringComparison.Ordinal))
            {
                // A new file has nothing to roll back to; one flush at the end makes it durable.
                destination.Open();
                Execute(destination, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
            }

            connection.BackupDatabase(destination);
        }
        else if (method == "VACUUM INTO")
        {
            Execute(connection, $"VACUUM INTO '{copy}'");
        }

        if (method != "none")
        {
            // A backup must be on disk when the command says it is done; VACUUM INTO does not sync its output.
            using var written = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite);
            written.Flush(flushToDisk: true);
        }
        else
        {
            Thread.Sleep(1500);
        }
    }

    var elapsed = clock.Elapsed;
    stop.Cancel();
    writer.Wait();
    Latencies? writes = null;
    if (withWriter)
    {
        var during = latencies.Skip(before).Order().ToList();
        writes = new Latencies(during.Count / elapsed.TotalSeconds, during[(int)(during.Count * 0.99)], during[^1]);
    }

    return (method, withWriter, elapsed.TotalMilliseconds, method == "none" ? 0 : new FileInfo(copy).Length, writes);
}

static void Write(string source, List<double> latencies, CancellationToken stop)
{
    using var connection = Open(source);
    var clock = new Stopwatch();
    for (var n = 0; !stop.IsCancellationRequested; n++)
    {
        clock.Restart();
        Execute(connection, FormattableString.Invariant($"UPDATE g SET version = version + 1 WHERE k = (SELECT k FROM g LIMIT 1 OFFSET {n % 1000})"));
        lock (latencies)
        {
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
    }
}

// The command begins a read transaction on each file before copying any, so that the copies are of chosen moments:
// the backup API must copy from that open transaction's snapshot; VACUUM INTO cannot be used that way.
static void CheckPinnedSnapshot(string source, string folder)
{
    using var reader = Open(source);
    Execute(reader, "BEGIN");
    var pinned = Count(reader);
    using (var writer = Open(source))
    {
        Execute(writer, $"INSERT INTO g VALUES ('pinned-{Guid.NewGuid()}', x'00', 1)");
    }

    var copy = Path.Combine(folder, "pinned.db");
    using (var destination = new SqliteConnection(ConnectionString(copy)))
    {
        reader.BackupDatabase(destination);
    }

    string vacuum;
    try
    {
        Execute(reader, $"VACUUM INTO '{Path.Combine(folder, "pinned-vacuum.db")}'");
        vacuum = "ran";
    }
    catch (SqliteException e)
    {
        vacuum = "refused: " + e.Message;
    }

    Execute(reader, "COMMIT");
    using var check = new SqliteConnection(ConnectionString(copy));
    check.Open();
    Console.WriteLine(FormattableString.Invariant($"backup API from an open read transaction: {Count(check):N0} rows copied; {pinned:N0} when the transaction began, {Count(reader):N0} now"));
    Console.WriteLine("VACUUM INTO inside an open transaction: " + vacuum);
}

static void CreateSource(string path, int rows)
{
    using var connection = Open(path);
    Execute(connection, "CREATE TABLE g (k TEXT PRIMARY KEY, payload BLOB, version INTEGER) WITHOUT ROWID");
    var random = new Random(12);
    using (var transaction = connection.BeginTransaction())
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO g VALUES ($k, $p, 1)";
        var key = insert.Parameters.Add("$k", SqliteType.Text);
        var payload = insert.Parameters.Add("$p", SqliteType.Blob);
        for (var i = 0; i < rows; i++)
        {
            var bytes = new byte[300 + random.Next(3000)];
            random.NextBytes(bytes);
            key.Value = "order/" + i.ToString("D8", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];
            payload.Value = bytes;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    // Grain state is rewritten in place as orders move on; shrinking some rows leaves free pages, as a live file has.
    Execute(connection, "UPDATE g SET payload = zeroblob(100), version = version + 1 WHERE substr(k, 14, 1) IN ('0', '1', '2')");
    Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
}

static SqliteConnection Open(string path)
{
    var connection = new SqliteConnection(ConnectionString(path));
    connection.Open();
    Execute(connection, "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    return connection;
}

static string ConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

static void Execute(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static long Count(SqliteConnection connection)
{
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT count(*) FROM g";
    return (long)command.ExecuteScalar()!;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

internal sealed record Latencies(double PerSecond, double P99, double Worst);
