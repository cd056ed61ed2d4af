using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OrleansShop.ReadModels;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// One OpenTelemetry pipeline for the process: traces (ASP.NET Core requests, GraphQL operations, SQL commands on
/// PostgreSQL, SQL Server and the SQLite read models, outgoing HTTP, and grain calls when asked for), metrics (ASP.NET
/// Core, Orleans, GraphQL operations, HttpClient, the .NET runtime) and logs, exported over OTLP when an endpoint is
/// configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), to Azure Monitor (Application Insights) when its connection string
/// is (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>), to both when both are, and not collected at all otherwise.
/// Which signals, how many traces and whether grain calls are spans: <see cref="TelemetrySettings"/>.
/// </summary>
public static class CommerceTelemetryExtensions
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string AzureMonitorConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AzureMonitorSection = TelemetrySettings.Section + ":AzureMonitor";

    /// <summary>Whether telemetry is exported at all.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]) || !string.IsNullOrWhiteSpace(configuration[AzureMonitorConnectionStringKey]);

    /// <summary>
    /// Whether grain calls carry the trace context and are spans (Orleans' activity propagation): only when traces are
    /// exported and <see cref="TelemetrySettings.GrainCallSpans"/> asks for it, since it costs every grain call.
    /// </summary>
    public static bool GrainCallSpansEnabled(IConfiguration configuration)
    {
        var settings = TelemetrySettings.From(configuration);
        return IsEnabled(configuration) && settings.Traces && settings.GrainCallSpans;
    }

    public static IHostApplicationBuilder AddCommerceTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = TelemetrySettings.From(builder.Configuration);
        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }

        // Each signal gets its own exporters: UseOtlpExporter() and UseAzureMonitorExporter() would turn on all three.
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        var azureMonitor = builder.Configuration[AzureMonitorConnectionStringKey];
        var azureMonitorOptions = builder.Configuration.GetSection(AzureMonitorSection);

        // Read from configuration rather than left to the exporter's own environment lookup, so that the command line and
        // appsettings can give it too; the exporter's own options (EnableStatsbeat, StorageDirectory...) from
        // OrleansShop:Telemetry:AzureMonitor.
        void ConfigureAzureMonitor(AzureMonitorExporterOptions options)
        {
            azureMonitorOptions.Bind(options);
            options.ConnectionString = azureMonitor;
        }

        var telemetry = builder.Services.AddOpenTelemetry();
        if (settings.Traces)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing
                    .AddProcessor(new SqlSpanRedaction())
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSqlClientInstrumentation()
                    .AddSource(SqliteStatementSpans.SourceName);
                if (settings.GrainCallSpans)
                {
                    tracing.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application");
                }

                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }

                if (!string.IsNullOrWhiteSpace(azureMonitor))
                {
                    tracing.AddAzureMonitorTraceExporter(ConfigureAzureMonitor);
                }

                // Last, after the exporters: the Azure Monitor exporter sets a sampler of its own (at most 5 traces a second,
                // counted over every trace in the process), which would otherwise replace this one and ignore TraceSampleRatio.
                tracing.SetSampler(new ShopTraceSampler(settings.TraceSampleRatio));
            });
        }

        if (settings.Metrics)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics
                    .AddMeter("Microsoft.Orleans")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }

                if (!string.IsNullOrWhiteSpace(azureMonitor))
                {
                    metrics.AddAzureMonitorMetricExporter(ConfigureAzureMonitor);
                }
            });
        }

        if (settings.Logs)
        {
            // Scopes stay out (the default): ASP.NET Core's request scope and Orleans' carry nothing an operator needs that the
            // record's trace id does not give, and a scope is state no code of ours reviewed for secrets.
            telemetry.WithLogging(
                logging =>
                {
                    if (otlp)
                    {
                        logging.AddOtlpExporter();
                    }

                    if (!string.IsNullOrWhiteSpace(azureMonitor))
                    {
                        logging.AddAzureMonitorLogExporter(ConfigureAzureMonitor);
                    }
                },
                options => options.IncludeScopes = false);
        }

        return builder;
    }
}
