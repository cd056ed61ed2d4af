namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// Tests that export telemetry run alone: an OpenTelemetry tracer provider listens to its activity sources process-wide,
/// so with other servers running in the same test process its sampler would also decide on their requests and its
/// exporter take their spans, and a test could not tell its own server's telemetry from theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTelemetry
{
    public const string Name = "process-wide telemetry";
}
