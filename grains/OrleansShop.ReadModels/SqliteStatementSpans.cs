using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OrleansShop.ReadModels;

/// <summary>
/// SQL spans for the SQLite read models, which Microsoft.Data.Sqlite does not trace itself (Npgsql and SqlClient do). SQLite
/// reports each statement when it finishes, with its text as written and its duration (<c>sqlite3_profile</c>), so a
/// connection is watched by one registration when it opens and no command changes. The text is the statement before
/// binding: parameters appear as <c>@name</c>, never their values. A statement becomes a span only inside a recorded trace (a
/// request's resolver reading a list); the projections' writes from stream events, outside any request, do not.
/// Nothing is registered unless a tracer listens to <see cref="SourceName"/>.
/// </summary>
public static class SqliteStatementSpans
{
    public const string SourceName = "OrleansShop.ReadModels.Sqlite";

    private static readonly ActivitySource Source = new(SourceName);

    // The statement arrives as UTF-8 and becomes a string only for a span that is recorded.
    private static readonly delegate_profile OnStatement = Record;

    /// <summary>
    /// Watches <paramref name="connection"/> (open) when SQL spans are collected and the caller's trace is recorded; a pooled
    /// connection stays watched, and its statements outside a recorded trace cost a check each.
    /// </summary>
    public static void Watch(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Activity.Current is { Recorded: true } && Source.HasListeners())
        {
            raw.sqlite3_profile(connection.Handle, OnStatement, null);
        }
    }

    private static void Record(object userData, utf8z statement, long nanoseconds)
    {
        // Unrecorded parents (a sampled-out request) would make the sampler drop the span anyway: no need to ask it.
        if (Activity.Current is not { Recorded: true })
        {
            return;
        }

        var ended = DateTime.UtcNow;
        var text = statement.utf8_to_string();
        var activity = Source.StartActivity(ActivityKind.Client, startTime: ended - TimeSpan.FromTicks(nanoseconds / 100), name: Operation(text));
        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag("db.system.name", "sqlite");
            activity.SetTag("db.query.text", text);
        }

        activity.SetEndTime(ended);
        activity.Stop();
    }

    /// <summary>The statement's first word (SELECT, INSERT, PRAGMA...), the span's name as OpenTelemetry's conventions name one.</summary>
    private static string Operation(string statement)
    {
        var text = statement.AsSpan().TrimStart();
        var end = text.IndexOfAny(' ', '\n', '\t');
        var word = end < 0 ? text : text[..end];
        return word.Length switch
        {
            0 => "sqlite",
            _ when word.Equals("SELECT", StringComparison.OrdinalIgnoreCase) => "SELECT",
            _ when word.Equals("INSERT", StringComparison.OrdinalIgnoreCase) => "INSERT",
            _ when word.Equals("UPDATE", StringComparison.OrdinalIgnoreCase) => "UPDATE",
            _ when word.Equals("DELETE", StringComparison.OrdinalIgnoreCase) => "DELETE",
            _ when word.Equals("WITH", StringComparison.OrdinalIgnoreCase) => "WITH",
            _ => "sqlite",
        };
    }
}
