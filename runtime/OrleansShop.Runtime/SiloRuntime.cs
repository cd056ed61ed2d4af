using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Activations;
using OrleansShop.Runtime.Catalog;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Messaging;

namespace OrleansShop.Runtime;

/// <summary>What the activations of one silo share: catalog, directory, router, settings and filters.</summary>
internal sealed class SiloRuntime
{
    public SiloRuntime(
        IServiceProvider services,
        GrainTypeCatalog catalog,
        IOptions<SiloMessagingOptions> messaging,
        IOptions<GrainCollectionOptions> collection,
        ILoggerFactory loggerFactory)
    {
        Services = services;
        Catalog = catalog;
        Logger = loggerFactory.CreateLogger("OrleansShop.Runtime");
        ResponseTimeout = messaging.Value.ResponseTimeout;
        ActivationTimeout = collection.Value.ActivationTimeout;
        DeactivationTimeout = collection.Value.DeactivationTimeout;
        Directory = new ActivationDirectory(this);
        Router = new GrainCallRouter(this);
    }

    public IServiceProvider Services { get; }

    public GrainTypeCatalog Catalog { get; }

    public ActivationDirectory Directory { get; }

    public GrainCallRouter Router { get; }

    public ILogger Logger { get; }

    /// <summary>The silo-to-silo transport once this silo has joined a cluster; null for a silo alone.</summary>
    public Clustering.Transport.SiloTransport? Cluster { get; set; }

    public TimeSpan ResponseTimeout { get; }

    public TimeSpan ActivationTimeout { get; }

    public TimeSpan DeactivationTimeout { get; }

    /// <summary>Resolved when the silo starts (filters may depend on IGrainFactory, which depends on this).</summary>
    public IIncomingGrainCallFilter[] IncomingFilters { get; private set; } = [];

    public IOutgoingGrainCallFilter[] OutgoingFilters { get; private set; } = [];

    public void ResolveFilters()
    {
        IncomingFilters = [.. Services.GetServices<IIncomingGrainCallFilter>()];
        OutgoingFilters = [.. Services.GetServices<IOutgoingGrainCallFilter>()];
    }
}
