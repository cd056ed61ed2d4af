using System.Text.Json.Serialization.Metadata;

namespace OrleansShop.Runtime.Clustering;

/// <summary>
/// How grain calls travel between silos. Arguments and results are System.Text.Json; add the source-generated
/// <c>JsonSerializerContext</c> of each grain-interface assembly to <see cref="TypeInfoResolvers"/> so that they
/// serialize from generated metadata: <c>o.TypeInfoResolvers.Add(ShopJsonContext.Default)</c>.
/// </summary>
public sealed class ClusterMessagingOptions
{
    /// <summary>Resolvers consulted in order for argument and result types.</summary>
    public IList<IJsonTypeInfoResolver> TypeInfoResolvers { get; } = [];

    /// <summary>Whether a type no resolver knows may use reflection-based metadata (primitives always work).</summary>
    public bool AllowReflectionFallback { get; set; } = true;

    /// <summary>Frames waiting to be written to one peer; past it, senders wait (back-pressure).</summary>
    public int SendQueueCapacity { get; set; } = 8192;
}
