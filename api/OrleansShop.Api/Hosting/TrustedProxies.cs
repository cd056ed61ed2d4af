using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OrleansShop.Api.Hosting;

/// <summary>
/// The load balancers whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the API believes, from
/// <c>OrleansShop:Proxy</c>: <c>TrustedNetworks</c> (CIDR, e.g. <c>10.0.0.0/8</c>) and <c>TrustedProxies</c> (addresses),
/// each a comma-separated list or an array, and <c>ForwardLimit</c> (how many proxies deep, default 1). None by default:
/// then no header is read at all (ASP.NET Core's own default would believe any loopback peer), so a client cannot choose
/// its rate-limit bucket by sending the header itself.
/// </summary>
internal static class TrustedProxies
{
    public const string Section = "OrleansShop:Proxy";

    /// <summary>The middleware's options, or null when no proxy is trusted; throws naming the key of a bad entry.</summary>
    public static ForwardedHeadersOptions? FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var networks = List(section.GetSection("TrustedNetworks"));
        var proxies = List(section.GetSection("TrustedProxies"));
        if (networks.Count == 0 && proxies.Count == 0)
        {
            return null;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = section.GetValue("ForwardLimit", 1) is var limit and >= 1
                ? limit
                : throw new InvalidOperationException($"{Section}:ForwardLimit must be at least 1."),
        };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{Section}:TrustedNetworks entry '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
        }

        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{Section}:TrustedProxies entry '{proxy}' is not an IP address."));
        }

        return options;
    }

    /// <summary>
    /// Rewrites the client address and scheme from a trusted peer's headers. Goes first in the pipeline, so the request log,
    /// the rate limits (<see cref="Limits.ClientAddress"/>) and everything after it see the client, not the load balancer.
    /// </summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app, ForwardedHeadersOptions? options) =>
        options is null ? app : app.UseForwardedHeaders(options);

    // "10.0.0.0/8, 172.16.0.0/12" from one environment variable, or TrustedNetworks__0, __1... as an array.
    private static List<string> List(IConfigurationSection section) =>
        [.. (section.Value is { } value ? [value] : section.GetChildren().Select(c => c.Value ?? ""))
            .SelectMany(v => v.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
