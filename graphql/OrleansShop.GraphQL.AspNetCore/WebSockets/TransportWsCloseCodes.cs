using System.Net.WebSockets;

namespace OrleansShop.GraphQL.AspNetCore.WebSockets;

/// <summary>The close codes of graphql-transport-ws (graphql-ws PROTOCOL.md).</summary>
internal static class TransportWsCloseCodes
{
    public const WebSocketCloseStatus BadRequest = (WebSocketCloseStatus)4400;
    public const WebSocketCloseStatus Unauthorized = (WebSocketCloseStatus)4401;
    public const WebSocketCloseStatus Forbidden = (WebSocketCloseStatus)4403;
    public const WebSocketCloseStatus SubprotocolNotAcceptable = (WebSocketCloseStatus)4406;
    public const WebSocketCloseStatus ConnectionInitialisationTimeout = (WebSocketCloseStatus)4408;
    public const WebSocketCloseStatus SubscriberAlreadyExists = (WebSocketCloseStatus)4409;
    public const WebSocketCloseStatus TooManyInitialisationRequests = (WebSocketCloseStatus)4429;
}
