using HotChocolate.AspNetCore.Instrumentation;

namespace OrleansShop.Api.Schema;

/// <summary>Transport failures HotChocolate answers with a bare "Unexpected Execution Error" go to the log with their exception.</summary>
internal sealed partial class ServerErrorLog(ILogger<ServerErrorLog> logger) : ServerDiagnosticEventListener
{
    public override void HttpRequestError(HttpContext context, Exception exception) => Failed(logger, context.Request.Path, exception);

    public override void WebSocketSessionError(HttpContext context, Exception exception) => Failed(logger, context.Request.Path, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A GraphQL request to {Path} failed")]
    private static partial void Failed(ILogger logger, string path, Exception exception);
}
