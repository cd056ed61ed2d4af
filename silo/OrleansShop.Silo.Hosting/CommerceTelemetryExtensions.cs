using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// One OpenTelemetry pipeline for the process: Orleans' meters and activity sources beside ASP.NET Core's, exported
/// over OTLP when an endpoint is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), to Azure Monitor (Application Insights)
/// when its connection string is (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>), to both when both are, and not collected
/// at all otherwise.
/// </summary>
public static class CommerceTelemetryExtensions
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string AzureMonitorConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AzureMonitorSection = ShopOptions.Section + ":Telemetry:AzureMonitor";

    /// <summary>Whether telemetry is exported at all: only then do grain calls carry trace context (it costs every call).</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]) || !string.IsNullOrWhiteSpace(configuration[AzureMonitorConnectionStringKey]);

    public static IHostApplicationBuilder AddCommerceTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        var azureMonitor = builder.Configuration[AzureMonitorConnectionStringKey];
        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter("Microsoft.Orleans").AddAspNetCoreInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation());
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        if (!string.IsNullOrWhiteSpace(azureMonitor))
        {
            // Read from configuration rather than left to the exporter's own environment lookup, so that the command line and
            // appsettings can give it too; the exporter's options (SamplingRatio, EnableLiveMetrics, EnableStatsbeat...) from
            // OrleansShop:Telemetry:AzureMonitor.
            var options = builder.Configuration.GetSection(AzureMonitorSection);
            telemetry.UseAzureMonitorExporter(o =>
            {
                options.Bind(o);
                o.ConnectionString = azureMonitor;
            });
        }

        return builder;
    }
}
