using System.Net;
using System.Net.Sockets;
using OrleansShop.Testing;

namespace OrleansShop.Cluster.Tests;

/// <summary>The ports the tests' servers are started on: never ones an outgoing connection can take, never given out twice.</summary>
public sealed class LoopbackPortsTests
{
    [Fact]
    public void Ports_lie_below_the_ephemeral_range_and_are_not_given_out_twice()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => LoopbackPorts.Take()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        // Below the kernel's ephemeral range and below 20000, where the shop's hosts choose a port configured as 0.
        Assert.All(ports, port => Assert.InRange(port, 1024, Math.Min(LoopbackPorts.EphemeralStart(), 20_000) - 1));
    }

    [Fact]
    public void A_port_given_out_is_locked_against_every_other_test_process()
    {
        var port = LoopbackPorts.Take();

        // flock conflicts between open files, not only between processes, so a second open here stands for another
        // process's; even the most permissive open (a shared lock) is refused.
        Assert.Throws<IOException>(() => new FileStream(LoopbackPorts.LockFile(port), FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
    }

    [Fact]
    public void A_port_something_listens_on_is_not_given_out()
    {
        var first = LoopbackPorts.Take();
        using var squatter = new TcpListener(IPAddress.Loopback, first + 1);
        try
        {
            squatter.Start();
        }
        catch (SocketException)
        {
            // Something else listens there already, which is the case under test too.
        }

        // Ports are walked upwards from the last one given, so the next would be first + 1 if it were free.
        var next = LoopbackPorts.Take();

        Assert.NotEqual(first + 1, next);
    }
}
