using System.Diagnostics;

namespace OrleansShop.Api.Hosting;

/// <summary>
/// One line per request, written when it ends: method, path, status and duration. ASP.NET Core's own request logging
/// writes four entries per request, and its HTTP logging middleware one entry of six lines, so this small middleware
/// is ours. No headers, query strings or bodies: they can carry tokens, passwords and card tokens.
/// </summary>
internal static partial class RequestLogging
{
    public static IApplicationBuilder UseShopRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("OrleansShop.Api.Requests");
        return app.Use(async (context, next) =>
        {
            if (!logger.IsEnabled(LogLevel.Information))
            {
                await next(context);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode;
                LogRequest(logger, context.Request.Method, context.Request.Path, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {StatusCode} {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, PathString path, int statusCode, double elapsedMs);
}
