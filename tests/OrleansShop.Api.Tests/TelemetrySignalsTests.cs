using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Npgsql;
using OrleansShop.Api.Schema;
using OrleansShop.Api.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Api.Tests;

/// <summary>
/// What <c>OrleansShop:Telemetry:*</c> sends over OTLP/HTTP to a receiver on loopback: log records and SQL spans in a
/// request's trace, each signal only when switched on, grain-call spans only when asked for, and no password, connection
/// string or database path in any of it.
/// </summary>
[Collection(ProcessWideTelemetry.Name)]
public sealed class TelemetrySignalsTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_GraphQL_request_exports_a_log_record_and_its_SQL_spans_in_its_trace_and_no_password_or_database_path()
    {
        await using var receiver = OtlpReceiver.Start();
        using var operations = new OperationSpans();
        await using var server = await ShopServer.StartAsync(settings:
        [
            .. Exporting(receiver),
            "OrleansShop:Telemetry:TraceSampleRatio=1",
            "Logging:LogLevel:OrleansShop.Api.Requests=Information",
        ]);
        var name = "Logged" + Guid.NewGuid().ToString("N")[..12];
        const string password = "otlp-secret-Pa55word-never-exported";

        await server.DataAsync($"query {name} {{ products(first: 3) {{ nodes {{ id }} }} }}");
        await server.DataAsync(
            "mutation($input: RegisterInput!) { register(input: $input) { errors { code } } }",
            new { input = new { email = ShopServer.UniqueEmail(), password, displayName = "Telemetry" } });

        var traceId = operations.TraceIdOf("query " + name);
        Assert.True(
            await receiver.EventuallyHoldsAsync(Within, "/v1/logs", traceId, "/graphql"u8.ToArray()),
            $"No exported log record of the request in its trace ({Describe(receiver)}).");
        Assert.True(
            await receiver.EventuallyHoldsAsync(Within, "/v1/traces", traceId, Encoding.UTF8.GetBytes(SqliteStatementSpansSource), "SELECT"u8.ToArray(), "db.query.text"u8.ToArray()),
            $"No exported SQL span in the operation's trace ({Describe(receiver)}).");
        Assert.True(await receiver.EventuallyHoldsAsync(Within, "/v1/metrics", "orleansshop.graphql.operation.duration"u8.ToArray()), Describe(receiver));

        foreach (var secret in new[] { password, "Data Source=" })
        {
            Assert.False(receiver.Received.Any(r => r.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0), $"'{secret}' was exported.");
        }

        // The SQLite files' paths (a read model's connection string is little more) are in no span.
        Assert.False(receiver.Holds("/v1/traces", Encoding.UTF8.GetBytes(server.DataDirectory)), "A database path went with the spans.");
    }

    [Theory]
    [InlineData("Traces")]
    [InlineData("Metrics")]
    [InlineData("Logs")]
    public async Task A_signal_switched_off_exports_nothing_while_the_others_flow(string off)
    {
        await using var receiver = OtlpReceiver.Start();
        await using var server = await ShopServer.StartAsync(settings:
        [
            .. Exporting(receiver),
            "OrleansShop:Telemetry:TraceSampleRatio=1",
            "Logging:LogLevel:OrleansShop.Api.Requests=Information",
            $"OrleansShop:Telemetry:{off}=false",
        ]);
        var paths = new Dictionary<string, string> { ["Traces"] = "/v1/traces", ["Metrics"] = "/v1/metrics", ["Logs"] = "/v1/logs" };

        for (var i = 0; i < 3; i++)
        {
            await server.DataAsync("{ products(first: 2) { nodes { id } } }");
        }

        foreach (var (signal, path) in paths.Where(p => p.Key != off))
        {
            Assert.True(await receiver.EventuallyHoldsAsync(Within, path), $"{signal} did not flow ({Describe(receiver)}).");
        }

        // The others have arrived, at intervals of 100-200 ms; a second more for the switched-off one to show up if it could.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.False(receiver.Holds(paths[off]), $"{off} were exported while switched off ({Describe(receiver)}).");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Grain_calls_are_spans_of_the_request_trace_only_when_switched_on(bool grainCallSpans)
    {
        await using var receiver = OtlpReceiver.Start();
        using var operations = new OperationSpans();
        await using var server = await ShopServer.StartAsync(settings:
        [
            .. Exporting(receiver),
            "OrleansShop:Telemetry:TraceSampleRatio=1",
            "OrleansShop:Telemetry:GrainCallSpans=" + grainCallSpans,
        ]);
        var name = "Grains" + Guid.NewGuid().ToString("N")[..12];

        await server.DataAsync(
            $"mutation {name}($input: RegisterInput!) {{ register(input: $input) {{ errors {{ code }} }} }}",
            new { input = new { email = ShopServer.UniqueEmail(), password = "a-good-long-password", displayName = "Grains" } });

        var traceId = operations.TraceIdOf("mutation " + name);
        Assert.True(await receiver.EventuallyHoldsAsync(Within, "/v1/traces", traceId, Encoding.UTF8.GetBytes("mutation " + name)), Describe(receiver));
        if (grainCallSpans)
        {
            Assert.True(
                await receiver.EventuallyHoldsAsync(Within, "/v1/traces", traceId, "Microsoft.Orleans"u8.ToArray()),
                $"No grain-call span in the operation's trace ({Describe(receiver)}).");
        }
        else
        {
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            Assert.False(receiver.Holds("/v1/traces", "Microsoft.Orleans"u8.ToArray()), "Orleans spans were exported while GrainCallSpans is off.");
        }
    }

    [Fact]
    public async Task On_PostgreSQL_commands_are_spans_of_the_request_trace_without_the_connection_string()
    {
        var database = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var receiver = OtlpReceiver.Start();
            using var operations = new OperationSpans();
            await using var server = await ShopServer.StartAsync(settings:
            [
                .. Exporting(receiver),
                "OrleansShop:Telemetry:TraceSampleRatio=1",
                "OrleansShop:Storage:Provider=postgres",
                "OrleansShop:Storage:ConnectionString=" + database,
            ]);
            var name = "Postgres" + Guid.NewGuid().ToString("N")[..12];

            await server.DataAsync($"query {name} {{ products(first: 3) {{ nodes {{ id }} }} }}");

            var traceId = operations.TraceIdOf("query " + name);
            Assert.True(
                await receiver.EventuallyHoldsAsync(Within, "/v1/traces", traceId, "Npgsql"u8.ToArray(), "postgresql"u8.ToArray()),
                $"No Npgsql span in the operation's trace ({Describe(receiver)}).");
            var connection = new NpgsqlConnectionStringBuilder(database);
            var visible = new NpgsqlConnectionStringBuilder(database) { Password = null }.ConnectionString;
            Assert.False(receiver.Holds("/v1/traces", Encoding.UTF8.GetBytes(visible)), "The connection string was exported.");
            Assert.False(receiver.Holds("/v1/traces", Encoding.UTF8.GetBytes(SqlSpanRedactionTag)), "Npgsql's data source tag was exported.");
            if (!string.IsNullOrEmpty(connection.Password))
            {
                Assert.False(receiver.Received.Any(r => r.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(connection.Password)) >= 0), "The password was exported.");
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await postgres.DropDatabaseAsync(database, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_trace_sample_ratio_outside_0_to_1_stops_start_up_naming_the_key()
    {
        await using var receiver = OtlpReceiver.Start();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ShopServer.StartAsync(settings:
        [
            .. Exporting(receiver),
            "OrleansShop:Telemetry:TraceSampleRatio=10",
        ]));
        Assert.Contains("OrleansShop:Telemetry:TraceSampleRatio", failure.Message, StringComparison.Ordinal);
    }

    private const string SqliteStatementSpansSource = "OrleansShop.ReadModels.Sqlite";

    private const string SqlSpanRedactionTag = "db.npgsql.data_source";

    private static string[] Exporting(OtlpReceiver receiver) =>
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT=" + receiver.Endpoint,
        "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
        "OTEL_BSP_SCHEDULE_DELAY=100",
        "OTEL_BLRP_SCHEDULE_DELAY=100",
        "OTEL_METRIC_EXPORT_INTERVAL=200",
    ];

    private static string Describe(OtlpReceiver receiver) =>
        string.Join(", ", receiver.Received.GroupBy(r => r.Path).Select(g => $"{g.Key}: {g.Count()}")) is { Length: > 0 } text ? text : "nothing received";

    /// <summary>The GraphQL operation spans this process starts, seen in-process, for their trace ids.</summary>
    private sealed class OperationSpans : IDisposable
    {
        private readonly ConcurrentQueue<Activity> spans = new();
        private readonly ActivityListener listener;

        public OperationSpans()
        {
            listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == OperationTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = spans.Enqueue,
            };
            ActivitySource.AddActivityListener(listener);
        }

        /// <summary>The trace id, as OTLP's protobuf carries it (16 bytes), of the one operation span named <paramref name="displayName"/>.</summary>
        public byte[] TraceIdOf(string displayName)
        {
            var span = Assert.Single(spans, s => s.DisplayName == displayName);
            var bytes = new byte[16];
            span.TraceId.CopyTo(bytes);
            return bytes;
        }

        public void Dispose() => listener.Dispose();
    }
}
