using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace OrleansShop.Runtime.Clustering;

/// <summary>
/// The silo port. A connection's first four bytes say what it is for: liveness probes (answered here, one task per
/// connected prober, each connection reused by it) or grain messaging (handed to the transport).
/// </summary>
internal sealed class SiloListener : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _clients = [];
    private readonly Task _acceptLoop;
    private readonly Action<Socket> _acceptMessaging;
    private long _generation;

    public SiloListener(IPAddress address, int port, Action<Socket> acceptMessaging)
    {
        _acceptMessaging = acceptMessaging;
        _socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _socket.Bind(new IPEndPoint(address, port));
            _socket.Listen(64);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _acceptLoop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>The generation answered to probes; set once the silo knows its identity.</summary>
    public long Generation
    {
        get => Interlocked.Read(ref _generation);
        set => Interlocked.Exchange(ref _generation, value);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
        }

        await _acceptLoop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            client.NoDelay = true;
            lock (_clients)
            {
                _clients.Add(client);
            }

            // A thread of its own per connection, blocking: a probe must be answered even when this silo's thread pool
            // is flooded with grain work (its answers would wait in that queue, and the prober would call it dead).
            // Probe connections are few (one per prober) and long-lived; a messaging one leaves after its first 4 bytes.
            new Thread(() => Serve(client)) { IsBackground = true, Name = "silo-probe-responder" }.Start();
        }
    }

    private void Serve(Socket client)
    {
        var ping = new byte[ProbeProtocol.PingLength];
        var pong = new byte[ProbeProtocol.PongLength];
        var handedOver = false;
        try
        {
            if (!ReceiveExactly(client, ping.AsSpan(0, 4)))
            {
                return;
            }

            if (BinaryPrimitives.ReadInt32BigEndian(ping) == Transport.SiloConnection.Magic)
            {
                lock (_clients)
                {
                    _clients.Remove(client);
                }

                handedOver = true;
                _acceptMessaging(client);
                return;
            }

            // A probe connection: its first ping's remaining bytes follow the magic.
            var complete = ReceiveExactly(client, ping.AsSpan(4));
            while (complete && ProbeProtocol.IsPing(ping))
            {
                BinaryPrimitives.WriteInt64BigEndian(pong, Generation);
                client.Send(pong);
                complete = ReceiveExactly(client, ping);
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
        {
            // The prober went away or this silo is stopping (its sockets are disposed): either way the connection is done.
        }
        finally
        {
            if (!handedOver)
            {
                lock (_clients)
                {
                    _clients.Remove(client);
                }

                client.Dispose();
            }
        }
    }

    private static bool ReceiveExactly(Socket socket, Span<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var read = socket.Receive(buffer);
            if (read == 0)
            {
                return false;
            }

            buffer = buffer[read..];
        }

        return true;
    }
}
