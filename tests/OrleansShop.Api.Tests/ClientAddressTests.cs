using System.Net;
using Microsoft.AspNetCore.Http;
using OrleansShop.Api.Limits;

namespace OrleansShop.Api.Tests;

public sealed class ClientAddressTests
{
    private static string Of(string address) =>
        ClientAddress.Of(new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(address) } });

    [Fact]
    public void IPv6_clients_share_a_budget_per_64_prefix_so_one_subscriber_cannot_rotate_addresses()
    {
        Assert.Equal(Of("2001:db8:1:2::1"), Of("2001:db8:1:2:ffff:ffff:ffff:fffe"));
        Assert.NotEqual(Of("2001:db8:1:2::1"), Of("2001:db8:1:3::1"));
    }

    [Fact]
    public void IPv4_clients_are_counted_by_address_whether_or_not_the_socket_maps_them_into_IPv6()
    {
        Assert.Equal("192.0.2.7", Of("::ffff:192.0.2.7"));
        Assert.NotEqual(Of("192.0.2.7"), Of("192.0.2.8"));
    }
}
