using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using OrleansShop.Providers.AdoNet.Tests.Grains;

namespace OrleansShop.Providers.AdoNet.Tests.Support;

/// <summary>
/// A real silo host on loopback, clustered through Orleans' ADO.NET membership table on the test database, which
/// the silo itself migrates at start-up (AddAdoNetSchemaMigration). Each silo gets its own free ports.
/// </summary>
internal static class TestSilo
{
    public static IHost Create(string connectionString, string clusterId, Action<ISiloBuilder>? configure = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton<ReminderTicks>();
        builder.Services.AddSingleton<StreamDeliveries>();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = clusterId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, LoopbackPorts.Take(), LoopbackPorts.Take());
            silo.AddAdoNetSchemaMigration(AdoNetDialect.PostgreSql, connectionString);
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = AdoNetInvariants.PostgreSql;
                options.ConnectionString = connectionString;
            });
            configure?.Invoke(silo);
        });
        return builder.Build();
    }

    public static string NewClusterId() => "test-" + Guid.NewGuid().ToString("N")[..12];
}
