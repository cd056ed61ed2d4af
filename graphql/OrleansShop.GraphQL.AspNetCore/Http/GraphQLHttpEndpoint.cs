using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrleansShop.GraphQL.AspNetCore.Execution;
using OrleansShop.GraphQL.AspNetCore.Ide;
using OrleansShop.GraphQL.AspNetCore.WebSockets;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.AspNetCore.Http;

/// <summary>
/// The GraphQL endpoint (GraphQL over HTTP): POST and GET requests, the WebSocket upgrade, GET <c>?sdl</c>, the IDE for browsers,
/// and CORS. Status codes follow the graphql-http audits.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    GraphQLRequestExecutor executor,
    GraphQLTransportWsHandler webSockets,
    IdeAssets ide,
    IOptions<GraphQLServerOptions> options)
{
    private readonly GraphQLServerOptions _options = options.Value;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (_options.Cors is { } policy && ApplyCors(context, policy))
        {
            return;
        }

        if (HttpMethods.IsPost(request.Method))
        {
            await HandlePostAsync(context).ConfigureAwait(false);
        }
        else if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await HandleGetAsync(context).ConfigureAwait(false);
        }
        else if (HttpMethods.IsOptions(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST, OPTIONS";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
        else
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, ResponseMediaType.Json, $"The GraphQL endpoint does not accept {request.Method}.", TransportErrorCodes.MethodNotAllowed).ConfigureAwait(false);
        }
    }

    private async Task HandlePostAsync(HttpContext context)
    {
        var request = context.Request;
        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        if (!MediaTypes.IsJsonRequest(request.ContentType))
        {
            await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, Fallback(mediaType), "Send GraphQL requests as \"application/json\" (UTF-8).", TransportErrorCodes.BadRequest).ConfigureAwait(false);
            return;
        }

        if (mediaType == ResponseMediaType.None)
        {
            await WriteNotAcceptableAsync(context).ConfigureAwait(false);
            return;
        }

        var limit = _options.MaxRequestBodySize;
        if (request.ContentLength > limit)
        {
            await WriteTooLargeAsync(context, mediaType, limit).ConfigureAwait(false);
            return;
        }

        // Our limit is the one that counts; lift the server's (30 MB by default in Kestrel) if ours is larger.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature && sizeFeature.MaxRequestBodySize < limit)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var body = await ReadBodyAsync(request, limit, context.RequestAborted).ConfigureAwait(false);
        if (body.TooLarge)
        {
            await WriteTooLargeAsync(context, mediaType, limit).ConfigureAwait(false);
            return;
        }

        GraphQLRequest? graphQLRequest;
        string? error;
        try
        {
            if (body.Length == 0)
            {
                graphQLRequest = null;
                error = "The request has no body; send a JSON object with a \"query\" string.";
            }
            else
            {
                graphQLRequest = GraphQLRequestReader.Read(body.Buffer.AsSpan(0, body.Length), out error);
            }
        }
        finally
        {
            if (body.Buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(body.Buffer);
            }
        }

        if (graphQLRequest is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, error!, TransportErrorCodes.BadRequest).ConfigureAwait(false);
            return;
        }

        using (graphQLRequest)
        {
            await ExecuteAsync(context, graphQLRequest, RequestTransport.HttpPost, mediaType).ConfigureAwait(false);
        }
    }

    private async Task HandleGetAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.WebSockets.IsWebSocketRequest)
        {
            if (_options.EnableWebSockets)
            {
                await webSockets.HandleAsync(context).ConfigureAwait(false);
                return;
            }

            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, ResponseMediaType.Json, "WebSockets are disabled on this endpoint.", TransportErrorCodes.BadRequest).ConfigureAwait(false);
            return;
        }

        if (request.Headers.Upgrade.ToString().Equals("websocket", StringComparison.OrdinalIgnoreCase))
        {
            // An upgrade the server cannot see as one: the WebSocket middleware is not in the pipeline.
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, ResponseMediaType.Json, "WebSockets are not enabled: call app.UseWebSockets() before app.MapGraphQL().", TransportErrorCodes.BadRequest).ConfigureAwait(false);
            return;
        }

        var query = request.Query;
        if (query.ContainsKey("sdl") && _options.EnableSchemaRequests)
        {
            await WriteSdlAsync(context).ConfigureAwait(false);
            return;
        }

        if (!query.ContainsKey("query") && _options.EnableIde && MediaTypes.AcceptsHtml(request.Headers.Accept))
        {
            await ide.WritePageAsync(context).ConfigureAwait(false);
            return;
        }

        if (!_options.EnableGetRequests)
        {
            context.Response.Headers.Allow = "POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, ResponseMediaType.Json, "Send GraphQL requests with POST.", TransportErrorCodes.MethodNotAllowed).ConfigureAwait(false);
            return;
        }

        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        if (mediaType == ResponseMediaType.None)
        {
            await WriteNotAcceptableAsync(context).ConfigureAwait(false);
            return;
        }

        var graphQLRequest = GraphQLRequestReader.Read(query, out var error);
        if (graphQLRequest is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, error!, TransportErrorCodes.BadRequest).ConfigureAwait(false);
            return;
        }

        using (graphQLRequest)
        {
            await ExecuteAsync(context, graphQLRequest, RequestTransport.HttpGet, mediaType).ConfigureAwait(false);
        }
    }

    private async Task ExecuteAsync(HttpContext context, GraphQLRequest request, RequestTransport transport, ResponseMediaType mediaType)
    {
        RequestOutcome outcome;
        try
        {
            outcome = await executor.ExecuteAsync(
                request,
                transport,
                new RequestContext(context, context.RequestServices, context.User, null, context.RequestAborted)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return;
        }

        // POST never yields a stream: the executor refuses subscriptions over HTTP.
        var result = outcome.Result!;
        var status = outcome.Kind switch
        {
            RequestOutcomeKind.InvalidRequest => StatusCodes.Status400BadRequest,
            RequestOutcomeKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
            RequestOutcomeKind.Refused => outcome.Refusal!.StatusCode,
            _ => result.HasData || mediaType == ResponseMediaType.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
        };
        if (outcome.Kind == RequestOutcomeKind.MethodNotAllowed)
        {
            context.Response.Headers.Allow = "POST";
        }

        if (outcome.Refusal?.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(0, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await WriteResultAsync(context, status, mediaType, result).ConfigureAwait(false);
    }

    private async Task WriteSdlAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(executor.Sdl, Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Evaluates the configured policy; answers a preflight itself and returns true when it did.</summary>
    private static bool ApplyCors(HttpContext context, CorsPolicy policy)
    {
        if (!context.Request.Headers.ContainsKey(HeaderNames.Origin))
        {
            return false;
        }

        var cors = context.RequestServices.GetRequiredService<ICorsService>();
        var result = cors.EvaluatePolicy(context, policy);
        cors.ApplyResult(result, context.Response);
        if (result.IsPreflightRequest)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return true;
        }

        return false;
    }

    private static async Task<(byte[]? Buffer, int Length, bool TooLarge)> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var initial = request.ContentLength is > 0 and <= int.MaxValue ? (int)request.ContentLength.Value : 4096;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 256));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length, false);
                }

                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, 0, true);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static ResponseMediaType Fallback(ResponseMediaType mediaType) =>
        mediaType == ResponseMediaType.None ? ResponseMediaType.Json : mediaType;

    private static Task WriteNotAcceptableAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, ResponseMediaType.Json, "The endpoint answers with \"application/graphql-response+json\" or \"application/json\"; the Accept header allows neither.", TransportErrorCodes.BadRequest);

    private static Task WriteTooLargeAsync(HttpContext context, ResponseMediaType mediaType, long limit) =>
        WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, mediaType, $"The request body is larger than the limit of {limit} bytes.", TransportErrorCodes.RequestTooLarge);

    private static Task WriteErrorAsync(HttpContext context, int status, ResponseMediaType mediaType, string message, string code) =>
        WriteResultAsync(context, status, mediaType, ExecutionResult.FromError(message, code));

    private static async Task WriteResultAsync(HttpContext context, int status, ResponseMediaType mediaType, ExecutionResult result)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = MediaTypes.ContentType(mediaType);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        using (var writer = new Utf8JsonWriter(response.BodyWriter, ResultJsonWriter.WriterOptions))
        {
            result.WriteTo(writer);
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
