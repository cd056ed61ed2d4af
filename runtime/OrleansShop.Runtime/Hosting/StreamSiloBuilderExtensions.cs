using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Streams;

namespace OrleansShop.Runtime.Hosting;

/// <summary>Stream providers on the silo builder: <c>silo.AddMemoryStreams("name")</c>, or any queue adapter with <c>AddStreams</c>.</summary>
public static class StreamSiloBuilderExtensions
{
    /// <summary>
    /// Registers stream provider <paramref name="name"/> over the adapter <paramref name="adapter"/> makes. Grains find it
    /// with <c>this.GetStreamProvider(name)</c>, other services with <c>GetRequiredKeyedService&lt;IStreamProvider&gt;(name)</c>.
    /// </summary>
    public static ISiloBuilder AddStreams(
        this ISiloBuilder silo,
        string name,
        Func<IServiceProvider, IStreamQueueAdapter> adapter,
        Action<StreamProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(adapter);
        if (silo.Services.Any(d => d.ServiceType == typeof(StreamProviderName) && d.ImplementationInstance is StreamProviderName { } known && known.Name == name))
        {
            throw new InvalidOperationException($"A stream provider named '{name}' is already registered.");
        }

        silo.Services.AddOptions<StreamProviderOptions>(name)
            .Configure(o => configure?.Invoke(o))
            .Validate(o => o.SubscriberBufferCapacity > 0, $"StreamProviderOptions.SubscriberBufferCapacity of stream provider '{name}' must be positive.")
            .Validate(o => o.PeerQueueCapacity > 0, $"StreamProviderOptions.PeerQueueCapacity of stream provider '{name}' must be positive.")
            .ValidateOnStart();
        silo.Services.AddSingleton(new StreamProviderName(name));
        silo.Services.AddKeyedSingleton(name, (sp, _) => new StreamProvider(
            name,
            adapter(sp),
            sp.GetRequiredService<IOptionsMonitor<StreamProviderOptions>>().Get(name),
            sp.GetRequiredService<ILoggerFactory>()));
        silo.Services.AddKeyedSingleton<IStreamProvider>(name, (sp, key) => sp.GetRequiredKeyedService<StreamProvider>(key));
        return silo;
    }

    /// <summary>
    /// A stream provider in memory: subscribers receive what is published while they are subscribed; nothing is
    /// stored (see <see cref="StreamProviderOptions"/> for what happens to a slow subscriber). With clustering, what a
    /// silo publishes also reaches the subscribers on every other silo, at most once and in order per publisher.
    /// </summary>
    public static ISiloBuilder AddMemoryStreams(this ISiloBuilder silo, string name, Action<StreamProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);

        // Resolved when the silo starts, so clustering may be configured before or after the streams.
        silo.Services.TryAddSingleton(sp => new ClusterStreamRouter(
            sp.GetService<Clustering.Transport.SiloTransport>(),
            sp.GetService<Clustering.IClusterMembership>(),
            sp.GetRequiredService<ILoggerFactory>()));
        return silo.AddStreams(
            name,
            sp => new MemoryStreamQueueAdapter(
                name,
                sp.GetRequiredService<IOptionsMonitor<StreamProviderOptions>>().Get(name),
                sp.GetRequiredService<ClusterStreamRouter>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("OrleansShop.Runtime.Streams")),
            configure);
    }
}
