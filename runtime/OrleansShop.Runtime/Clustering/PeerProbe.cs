using System.Buffers.Binary;
using System.Net.Sockets;

namespace OrleansShop.Runtime.Clustering;

/// <summary>Probes one peer over one reused connection, reconnecting after any failure.</summary>
internal sealed class PeerProbe(SiloAddress peer) : IDisposable
{
    private readonly byte[] _ping = new byte[ProbeProtocol.PingLength];
    private readonly byte[] _pong = new byte[ProbeProtocol.PongLength];
    private Socket? _socket;

    public SiloAddress Peer { get; } = peer;

    /// <summary>Consecutive failed probes.</summary>
    public int MissedProbes { get; private set; }

    /// <summary>True when the peer's incarnation answered within <paramref name="timeout"/>.</summary>
    public async Task<bool> ProbeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            if (_socket is null)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(Peer.Host, Peer.Port, limit.Token).ConfigureAwait(false);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }

                _socket = socket;
            }

            ProbeProtocol.WritePing(_ping, Peer.Generation);
            await _socket.SendAsync(_ping, SocketFlags.None, limit.Token).ConfigureAwait(false);
            if (await ProbeProtocol.ReceiveExactlyAsync(_socket, _pong, limit.Token).ConfigureAwait(false)
                && BinaryPrimitives.ReadInt64BigEndian(_pong) == Peer.Generation)
            {
                MissedProbes = 0;
                return true;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
        }

        Dispose();
        MissedProbes++;
        return false;
    }

    public void Dispose()
    {
        _socket?.Dispose();
        _socket = null;
    }
}
