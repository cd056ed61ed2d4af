using Orleans;

namespace OrleansShop.Silo.Hosting.Health;

/// <summary>
/// Whether the cluster client has a gateway, as Orleans reports it. Connected at first: the client's start, which the
/// host waits for before it serves HTTP, fails unless it reached a gateway; Orleans tells of every change after that.
/// </summary>
internal sealed class ClusterConnectionStatus : IClusterConnectionStatusObserver
{
    private volatile bool _connected = true;

    public bool IsConnected => _connected;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
        _connected = currentNumberOfGateways > 0;

    public void NotifyClusterConnectionLost() => _connected = false;
}
