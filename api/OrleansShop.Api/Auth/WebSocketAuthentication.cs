using System.Text.Json;
using HotChocolate.AspNetCore;
using HotChocolate.AspNetCore.Subscriptions;
using HotChocolate.AspNetCore.Subscriptions.Protocols;

namespace OrleansShop.Api.Auth;

/// <summary>
/// Browsers cannot put headers on a WebSocket, so graphql-ws clients send the access token in <c>connection_init</c>'s
/// payload (<c>{"Authorization": "Bearer ..."}</c>, the client's connectionParams). A token there becomes the
/// connection's user; an invalid one refuses the connection (4403), so the client knows to sign in again instead of
/// quietly subscribing as an anonymous caller.
/// </summary>
internal sealed class WebSocketAuthentication : DefaultSocketSessionInterceptor
{
    public override async ValueTask<ConnectionStatus> OnConnectAsync(
        ISocketSession session, IOperationMessagePayload connectionInitMessage, CancellationToken cancellationToken = default)
    {
        if (connectionInitMessage.Payload is not { ValueKind: JsonValueKind.Object } payload
            || !(payload.TryGetProperty("Authorization", out var value) || payload.TryGetProperty("authorization", out value)))
        {
            // Anonymous, or authenticated by the upgrade request's own Authorization header.
            return await base.OnConnectAsync(session, connectionInitMessage, cancellationToken).ConfigureAwait(false);
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } header
            || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return ConnectionStatus.Reject("The Authorization value is not a bearer token.");
        }

        var context = session.Connection.HttpContext;
        var principal = await context.RequestServices.GetRequiredService<AccessTokens>().ValidateAsync(header["Bearer ".Length..].Trim()).ConfigureAwait(false);
        if (principal is null)
        {
            return ConnectionStatus.Reject("The access token is invalid or expired.");
        }

        context.User = principal;
        return ConnectionStatus.Accept();
    }
}
