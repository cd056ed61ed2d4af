using Microsoft.Extensions.DependencyInjection;
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
    /// An in-process stream provider: subscribers in this silo receive what is published in this silo while they are
    /// subscribed; nothing is stored (see <see cref="StreamProviderOptions"/> for what happens to a slow subscriber).
    /// </summary>
    public static ISiloBuilder AddMemoryStreams(this ISiloBuilder silo, string name, Action<StreamProviderOptions>? configure = null) =>
        silo.AddStreams(name, _ => new MemoryStreamQueueAdapter(), configure);
}
