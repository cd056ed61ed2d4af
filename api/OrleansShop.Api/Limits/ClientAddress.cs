using System.Net;
using System.Net.Sockets;

namespace OrleansShop.Api.Limits;

/// <summary>
/// The address a client is counted under when it has no access token: the connection's peer, which behind a trusted load
/// balancer is the client its <c>X-Forwarded-For</c> names (<see cref="Hosting.TrustedProxies"/>), and otherwise the peer itself.
/// </summary>
internal static class ClientAddress
{
    /// <summary>
    /// IPv4 as is; IPv6 by its /64 prefix, because one subscriber usually holds a whole /64 and could otherwise take a fresh
    /// budget from every address in it.
    /// </summary>
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            // Only in-process test servers have no peer address; they share one budget.
            return "local";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
