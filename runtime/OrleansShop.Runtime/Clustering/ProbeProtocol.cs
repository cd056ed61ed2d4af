using System.Buffers.Binary;
using System.Net.Sockets;

namespace OrleansShop.Runtime.Clustering;

/// <summary>
/// The liveness probe on the silo-to-silo port: the prober sends a 16-byte ping (magic, reserved, the generation it
/// expects), the silo answers with its own 8-byte generation. A different generation means the probed incarnation
/// is gone even though something answers on its endpoint.
/// </summary>
internal static class ProbeProtocol
{
    public const int PingLength = 16;
    public const int PongLength = 8;
    public const int Magic = 0x4F535052; // "OSPR"

    public static void WritePing(Span<byte> buffer, long expectedGeneration)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer, Magic);
        BinaryPrimitives.WriteInt32BigEndian(buffer[4..], 0);
        BinaryPrimitives.WriteInt64BigEndian(buffer[8..], expectedGeneration);
    }

    public static bool IsPing(ReadOnlySpan<byte> buffer) => BinaryPrimitives.ReadInt32BigEndian(buffer) == Magic;

    public static async ValueTask<bool> ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var count = await socket.ReceiveAsync(buffer[read..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                return false;
            }

            read += count;
        }

        return true;
    }
}
