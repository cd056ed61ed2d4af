namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// Tests that export telemetry run alone: an OpenTelemetry tracer provider listens to its activity sources process-wide,
/// so with other servers running in the same test process its exporter also takes their spans, and a busy run filled
/// the Azure Monitor exporter's queue until the test's own operation was dropped.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTelemetry
{
    public const string Name = "process-wide telemetry";
}
