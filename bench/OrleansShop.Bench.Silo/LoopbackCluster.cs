using System.Net;
using Orleans.Configuration;

namespace OrleansShop.Bench.Silo;

/// <summary>
/// A silo of a development cluster that lives on loopback only, advertised and listening there, so a bench never
/// reaches past this machine. Shared by the grain-call and the stream benches.
/// </summary>
internal static class LoopbackCluster
{
    public static ISiloBuilder UseLoopbackCluster(this ISiloBuilder silo, int siloPort, int gatewayPort, int primarySiloPort) => silo
        .Configure<EndpointOptions>(options =>
        {
            options.AdvertisedIPAddress = IPAddress.Loopback;
            options.SiloPort = siloPort;
            options.GatewayPort = gatewayPort;
            options.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, siloPort);
            options.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Loopback, gatewayPort);
        })
        .UseDevelopmentClustering(new IPEndPoint(IPAddress.Loopback, primarySiloPort));
}
