using System.Text.Json;
using OrleansShop.GraphQL.AspNetCore;

namespace OrleansShop.Api.Auth;

/// <summary>
/// Browsers cannot put headers on a WebSocket, so graphql-ws clients send the access token in <c>connection_init</c>'s
/// payload (<c>{"Authorization": "Bearer ..."}</c>, the client's connectionParams). A token there becomes the
/// connection's user; an invalid one refuses the connection (4403), so the client knows to sign in again instead of
/// quietly subscribing as an anonymous caller.
/// </summary>
internal static class WebSocketAuthentication
{
    public static async ValueTask<bool> AuthenticateAsync(WebSocketConnectContext connect)
    {
        if (connect.Payload is not { ValueKind: JsonValueKind.Object } payload
            || !(payload.TryGetProperty("Authorization", out var value) || payload.TryGetProperty("authorization", out value)))
        {
            // Anonymous, or authenticated by the upgrade request's own Authorization header.
            return true;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } header
            || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var principal = await connect.HttpContext.RequestServices.GetRequiredService<AccessTokens>().ValidateAsync(header["Bearer ".Length..].Trim());
        if (principal is null)
        {
            return false;
        }

        connect.HttpContext.User = principal;
        return true;
    }
}
