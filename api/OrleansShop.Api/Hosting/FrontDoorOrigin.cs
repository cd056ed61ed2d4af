using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using OrleansShop.Api.Payments;
using OrleansShop.Silo.Hosting.Payments;

namespace OrleansShop.Api.Hosting;

/// <summary>
/// The API as the origin of one Azure Front Door profile, from <c>OrleansShop:Proxy:FrontDoorId</c> (the profile's
/// <c>frontDoorId</c>, a GUID). Front Door writes it into <c>X-Azure-FDID</c> on every request it forwards, so a request
/// without it, or with another profile's, went around this Front Door (and its WAF) and is refused with 403. Health probes
/// (the platform's, not Front Door's), the payment sandbox's API (the silos call it inside the environment, with its own
/// key) and the sandbox's signed notifications (which the API posts to itself) are let through.
/// </summary>
/// <remarks>
/// The chain is client → Front Door → the Container Apps ingress (Envoy) → this process. Front Door appends the address
/// its client connected from to <c>X-Forwarded-For</c> and Envoy appends Front Door's, so the client is the second entry
/// from the right. Envoy's address is in the trusted networks; Front Door's edge addresses are not known in advance (the
/// AzureFrontDoor.Backend service tag has no stable list), so that hop is believed only on a request that carries this
/// profile's id and came from a trusted peer. Everything to the left of it is whatever the client sent, and is ignored.
/// </remarks>
internal sealed class FrontDoorOrigin
{
    public const string IdHeader = "X-Azure-FDID";

    private static readonly PathString[] s_unguarded = ["/health", SandboxApi.Prefix, PaymentWebhookEndpoint.Path];

    private FrontDoorOrigin(string id) => Id = id;

    /// <summary>The profile's id, in the form Front Door sends it (lower-case, with hyphens).</summary>
    public string Id { get; }

    /// <summary>Null when no Front Door is configured; throws naming the key when the id is not a GUID.</summary>
    public static FrontDoorOrigin? FromConfiguration(IConfiguration configuration)
    {
        var key = TrustedProxies.Section + ":FrontDoorId";
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Guid.TryParse(value, out var id)
            ? new FrontDoorOrigin(id.ToString("D"))
            : throw new InvalidOperationException($"{key} '{value}' is not a Front Door id (a GUID, the profile's frontDoorId).");
    }

    /// <summary>Whether Front Door's own header names this profile; GUIDs compare without regard to case.</summary>
    public bool Forwarded(HttpRequest request) =>
        request.Headers[IdHeader] is [{ } sent] && Guid.TryParse(sent, out var id) && id.ToString("D") == Id;

    public static bool IsUnguarded(PathString path) => s_unguarded.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The options for a request that came from a trusted peer with this profile's id: every hop up to the limit is
    /// believed, because past Envoy the only hop is Front Door. Headers without the id keep <paramref name="proxies"/>.
    /// </summary>
    public static ForwardedHeadersOptions ThroughFrontDoor(ForwardedHeadersOptions proxies)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = proxies.ForwardedHeaders,
            ForwardLimit = proxies.ForwardLimit,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("0.0.0.0/0"));
        options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("::/0"));
        return options;
    }

    /// <summary>Whether the connection's peer is one of the trusted proxies (the ingress), as the middleware would judge it.</summary>
    public static bool PeerIsTrusted(HttpContext context, ForwardedHeadersOptions proxies)
    {
        var peer = context.Connection.RemoteIpAddress;
        if (peer is null)
        {
            return false;
        }

        if (peer.IsIPv4MappedToIPv6)
        {
            peer = peer.MapToIPv4();
        }

        return proxies.KnownProxies.Any(p => p.Equals(peer) || (p.IsIPv4MappedToIPv6 && p.MapToIPv4().Equals(peer)))
            || proxies.KnownIPNetworks.Any(n => n.Contains(peer));
    }
}

internal static class FrontDoorOriginExtensions
{
    private static readonly object s_cameThroughFrontDoor = new();

    /// <summary>
    /// Forwarded headers for a Front Door origin: the Front Door hop believed only with this profile's id from a trusted
    /// peer, otherwise as <see cref="TrustedProxies.UseTrustedForwardedHeaders"/>. Goes first, like that one.
    /// </summary>
    public static IApplicationBuilder UseForwardedHeadersBehind(this IApplicationBuilder app, FrontDoorOrigin? frontDoor, ForwardedHeadersOptions? proxies)
    {
        if (frontDoor is null || proxies is null)
        {
            return app.UseTrustedForwardedHeaders(proxies);
        }

        // Judged once, before either branch rewrites the peer.
        var throughFrontDoor = FrontDoorOrigin.ThroughFrontDoor(proxies);
        app.Use((context, next) =>
        {
            context.Items[s_cameThroughFrontDoor] = FrontDoorOrigin.PeerIsTrusted(context, proxies) && frontDoor.Forwarded(context.Request);
            return next(context);
        });
        app.UseWhen(context => context.Items[s_cameThroughFrontDoor] is true, branch => branch.UseForwardedHeaders(throughFrontDoor));
        return app.UseWhen(context => context.Items[s_cameThroughFrontDoor] is not true, branch => branch.UseForwardedHeaders(proxies));
    }

    /// <summary>Refuses what did not come through the configured Front Door; after the request log, so refusals are logged.</summary>
    public static IApplicationBuilder UseFrontDoorOnly(this IApplicationBuilder app, FrontDoorOrigin? frontDoor)
    {
        if (frontDoor is null)
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            if (FrontDoorOrigin.IsUnguarded(context.Request.Path) || frontDoor.Forwarded(context.Request))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("This API is served through its Front Door only.", context.RequestAborted);
        });
    }
}
