using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrleansShop.Testing;

/// <summary>
/// Loopback ports for servers that a test starts in another process (or binds later itself), and so cannot ask the
/// kernel for one at bind time.
/// </summary>
/// <remarks>
/// A port found by binding to 0 and closing again lies in the kernel's ephemeral range, from which every outgoing
/// connection takes its local port: between the probe and the server's own bind, a connection to PostgreSQL or
/// between silos may take it, and the server fails with "address already in use" (an API node in CI, on 33855).
/// These ports come from below that range, which the kernel never hands out by itself, and a locked file per port
/// keeps test processes running side by side (test assemblies, helpers' worktrees) from handing out the same one.
/// The lock is the operating system's, so it goes with a process that is killed. The range stops below 20000, where the
/// shop's hosts pick their own silo and gateway ports when configured with 0 (CommerceClusteringExtensions), so that a
/// node choosing its gateway never takes a port handed out here for a node not started yet.
/// </remarks>
internal static class LoopbackPorts
{
    private const int Lowest = 10_000;
    private const int AboveHighest = 20_000;
    // One folder per user: another user's folder may not be writable here (their tests and ours rarely run at once).
    private static readonly string s_locks = Path.Combine(Path.GetTempPath(), "orleansshop-test-ports-" + Environment.UserName);
    private static readonly List<FileStream> s_held = [];
    private static readonly Lock s_gate = new();
    private static int s_next = -1;

    /// <summary>A port that nothing listens on and that no other caller in any test process on this machine was given.</summary>
    public static int Take()
    {
        var highest = Math.Min(EphemeralStart(), AboveHighest) - 1;
        var count = highest - Lowest + 1;
        lock (s_gate)
        {
            if (s_next < 0)
            {
                // Spread the processes' starting points so that they rarely meet each other's locks.
                s_next = Random.Shared.Next(count);
            }

            Directory.CreateDirectory(s_locks);
            for (var tried = 0; tried < count; tried++)
            {
                var port = Lowest + s_next;
                s_next = (s_next + 1) % count;
                if (TryHold(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port from {Lowest} to {highest}.");
    }

    private static bool TryHold(int port)
    {
        FileStream file;
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Linux; another process's open then fails.
            file = new FileStream(LockFile(port), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return false;
        }

        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
        }
        catch (SocketException)
        {
            file.Dispose();
            return false;
        }

        s_held.Add(file);
        return true;
    }

    /// <summary>The file whose lock marks <paramref name="port"/> as given out.</summary>
    public static string LockFile(int port) => Path.Combine(s_locks, port.ToString(CultureInfo.InvariantCulture));

    /// <summary>The first port of the kernel's ephemeral range (Linux's default is 32768 to 60999).</summary>
    public static int EphemeralStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range)
            && File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [var low, ..]
            && int.TryParse(low, CultureInfo.InvariantCulture, out var start)
            && start > Lowest)
        {
            return start;
        }

        return 32_768;
    }
}
