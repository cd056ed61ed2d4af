using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Streams;
using OrleansShop.GrainInterfaces;
using OrleansShop.Providers.AdoNet;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// The silo's two stream providers: <see cref="CommerceStreams.Provider"/>, memory streams that carry live updates to the
/// GraphQL subscriptions of every silo, and <see cref="DomainEvents.Provider"/>, the queue the grains publish domain
/// events to and the event dispatchers read, on the provider <c>OrleansShop:Streams:Provider</c> names.
/// </summary>
public static class CommerceStreamExtensions
{
    public static ISiloBuilder AddCommerceStreams(this ISiloBuilder silo, ShopOptions shop, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(configuration);
        var streams = shop.Streams;
        var problems = streams.Problems(shop.Storage).ToList();

        // The agent's own section is bound over the shop's settings; its delivery time would bypass the check above
        // that ADO.NET rows outlast a retried delivery, so that one value has only the shop's key.
        const string agentDeliveryTime = StreamSettings.Section + ":PullingAgent:" + nameof(StreamPullingAgentOptions.MaxEventDeliveryTime);
        if (configuration[agentDeliveryTime] is not null)
        {
            problems.Add($"{agentDeliveryTime} is not read; set {StreamSettings.Section}:MaxDeliveryTime instead.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        silo.AddMemoryStreams(CommerceStreams.Provider);
        switch (streams.Provider)
        {
            case DomainEventStreamProvider.AzureQueue:
                silo.AddAzureQueueStreams(DomainEvents.Provider, queue =>
                {
                    queue.ConfigureAzureQueue(o => o.Configure(options => ConfigureQueues(options, streams.AzureQueue)));
                    ConfigureConsumers(queue, streams, configuration);
                });
                break;
            case DomainEventStreamProvider.EventHubs:
                silo.AddEventHubStreams(DomainEvents.Provider, hub =>
                {
                    hub.ConfigureEventHub(o => o.Configure(options => ConfigureHub(options, streams.EventHubs)));
                    hub.UseAzureTableCheckpointer(o => o.Configure(options => ConfigureCheckpoints(options, shop.Cluster.AzureStorage, streams.EventHubs)));
                    ConfigureConsumers(hub, streams, configuration);
                });
                break;
            case DomainEventStreamProvider.AdoNet:
                silo.AddAdoNetStreams(DomainEvents.Provider, queue =>
                {
                    var invariant = AdoNetInvariants.For(shop.Storage.AdoNetDialect!.Value);
                    var connectionString = shop.Storage.RequireConnectionString();
                    queue.ConfigureAdoNet(o => o.Configure(options => ConfigureRows(options, streams, invariant, connectionString)));
                    queue.ConfigurePartitioning(streams.AdoNet.QueueCount);
                    ConfigureConsumers(queue, streams, configuration);
                });
                break;
            default:
                silo.AddMemoryStreams(DomainEvents.Provider, memory => ConfigureConsumers(memory, streams, configuration));
                break;
        }

        return silo;
    }

    private static void ConfigureConsumers(ISiloPersistentStreamConfigurator provider, StreamSettings streams, IConfiguration configuration)
    {
        // Only the event dispatchers' implicit subscriptions read these streams: no pub-sub table to consult per stream.
        provider.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        provider.ConfigurePullingAgent(o => o.Configure(agent =>
        {
            agent.GetQueueMsgsTimerPeriod = streams.PollPeriod;
            agent.MaxEventDeliveryTime = streams.MaxDeliveryTime;
            configuration.GetSection(StreamSettings.Section + ":PullingAgent").Bind(agent);
        }));
        if (!streams.Consume)
        {
            provider.ConfigureLifecycle(o => o.Configure(lifecycle => lifecycle.StartupState = StreamLifecycleOptions.RunState.AgentsStopped));
        }
    }

    private static void ConfigureQueues(AzureQueueOptions options, AzureQueueStreamSettings queue)
    {
        options.QueueNames = [.. queue.QueueNames()];
        options.MessageVisibilityTimeout = queue.MessageVisibilityTimeout;
        options.QueueServiceClient = string.IsNullOrWhiteSpace(queue.ConnectionString)
            ? new QueueServiceClient(new Uri(queue.QueueServiceUri!), AzureIdentity.Default)
            : new QueueServiceClient(queue.ConnectionString);
    }

    private static void ConfigureRows(AdoNetStreamOptions options, StreamSettings streams, string invariant, string connectionString)
    {
        var rows = streams.AdoNet;
        options.Invariant = invariant;
        options.ConnectionString = connectionString;
        options.VisibilityTimeout = rows.VisibilityTimeout;
        options.ExpiryTimeout = rows.ExpiryTimeout;
        options.MaxAttempts = rows.AttemptsFor(streams.MaxDeliveryTime);
    }

    private static void ConfigureHub(EventHubOptions options, EventHubStreamSettings hub)
    {
        if (string.IsNullOrWhiteSpace(hub.ConnectionString))
        {
            options.ConfigureEventHubConnection(hub.FullyQualifiedNamespace!, hub.EventHubName!, hub.ConsumerGroup, AzureIdentity.Default);
        }
        else
        {
            options.ConfigureEventHubConnection(hub.ConnectionString, hub.EventHubName!, hub.ConsumerGroup);
        }
    }

    private static void ConfigureCheckpoints(AzureTableStreamCheckpointerOptions options, AzureTableClusteringSettings table, EventHubStreamSettings hub)
    {
        options.TableName = hub.CheckpointTableName;
        options.TableServiceClient = string.IsNullOrWhiteSpace(table.ConnectionString)
            ? new TableServiceClient(new Uri(table.TableServiceUri!), AzureIdentity.Default)
            : new TableServiceClient(table.ConnectionString);
    }
}
