using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// What the process exports once an exporter is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>), bound from <c>OrleansShop:Telemetry</c> (e.g.
/// <c>OrleansShop__Telemetry__TraceSampleRatio=0.05</c>). The defaults are the cheapest that still answer an operator's
/// questions (bench/RESULTS.md, "What observability costs").
/// </summary>
public sealed class TelemetrySettings
{
    public const string Section = ShopOptions.Section + ":Telemetry";

    /// <summary>Spans: ASP.NET Core requests, GraphQL operations, SQL commands, outgoing HTTP.</summary>
    public bool Traces { get; set; } = true;

    /// <summary>Meters: ASP.NET Core, Orleans, GraphQL operations, HttpClient, the .NET runtime.</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>Log records, at the levels <c>Logging:LogLevel</c> lets through, beside the console.</summary>
    public bool Logs { get; set; } = true;

    /// <summary>
    /// The share of traces that are recorded and exported (0 to 1), chosen by trace id; a request's <c>traceparent</c> flag
    /// of an HTTP caller does not decide (<see cref="ShopTraceSampler"/>). It governs the Azure Monitor exporter too.
    /// </summary>
    public double TraceSampleRatio { get; set; } = 0.1;

    /// <summary>
    /// Whether each grain call is a span and carries the trace context to the grain (Orleans' activity propagation and its
    /// <c>Microsoft.Orleans.Runtime</c>/<c>Microsoft.Orleans.Application</c> sources). A catalog page makes about 40
    /// grain calls, each then a span of its own, so it is off unless turned on.
    /// </summary>
    public bool GrainCallSpans { get; set; }

    /// <summary>The settings in <paramref name="configuration"/>; throws naming the key when one is out of range.</summary>
    public static TelemetrySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(Section).Get<TelemetrySettings>() ?? new TelemetrySettings();
        if (!(settings.TraceSampleRatio is >= 0 and <= 1))
        {
            throw new InvalidOperationException(
                $"{Section}:TraceSampleRatio is {settings.TraceSampleRatio.ToString(CultureInfo.InvariantCulture)}; it is a share of traces, from 0 to 1.");
        }

        return settings;
    }
}
