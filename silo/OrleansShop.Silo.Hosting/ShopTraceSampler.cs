using OpenTelemetry.Trace;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Which traces the shop records: <see cref="TelemetrySettings.TraceSampleRatio"/> of those begun here or by an HTTP caller,
/// chosen by trace id, and every span of a trace chosen in this process or by another silo of the cluster.
/// </summary>
/// <remarks>
/// An HTTP request's <c>traceparent</c> names the trace it continues, but its sampled flag does not decide: the shop's
/// callers are browsers and any client on the internet, and honouring the flag would let one record and export every
/// request it sends (Azure Monitor bills by volume) or hide its requests from the traces. Application Insights' own samplers
/// ignore a remote parent's flag too. A grain call's context comes from a silo of the cluster, whose decision stands.
/// </remarks>
public sealed class ShopTraceSampler : Sampler
{
    /// <summary>The name ASP.NET Core gives the activity of each request it receives.</summary>
    public const string IncomingRequest = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    private readonly TraceIdRatioBasedSampler byTraceId;
    private readonly ParentBasedSampler byParent;

    public ShopTraceSampler(double ratio)
    {
        byTraceId = new TraceIdRatioBasedSampler(ratio);
        byParent = new ParentBasedSampler(byTraceId);
        Description = $"ShopTraceSampler{{{ratio}}}";
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.ParentContext.IsRemote && samplingParameters.Name == IncomingRequest
            ? byTraceId.ShouldSample(samplingParameters)
            : byParent.ShouldSample(samplingParameters);
}
