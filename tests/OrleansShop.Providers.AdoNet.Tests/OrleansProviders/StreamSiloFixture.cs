using Orleans.Configuration;

namespace OrleansShop.Providers.AdoNet.Tests.OrleansProviders;

/// <summary>A silo with Orleans' ADO.NET stream provider <see cref="Provider"/> on the migrated schema, read every 50 ms.</summary>
public sealed class StreamSiloFixture(PostgresServerFixture server) : OrleansSiloFixture(server)
{
    public const string Provider = "probe-events";

    protected override void ConfigureSilo(ISiloBuilder silo, string connectionString) =>
        silo.AddAdoNetStreams(Provider, stream =>
        {
            stream.ConfigureAdoNet(o => o.Configure(options =>
            {
                options.Invariant = AdoNetInvariants.PostgreSql;
                options.ConnectionString = connectionString;
            }));
            stream.ConfigurePartitioning(2);
            stream.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly);
            stream.ConfigurePullingAgent(o => o.Configure(agent => agent.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(50)));
        });
}
