using System.Diagnostics;
using Microsoft.Extensions.Configuration.Memory;

namespace OrleansShop.Api.Hosting;

/// <summary>
/// One line per request, written when it ends: method, path, status and duration. ASP.NET Core's own request logging
/// writes four entries per request, and its HTTP logging middleware one entry of six lines, so this small middleware
/// is ours. No headers, query strings or bodies: they can carry tokens, passwords and card tokens.
/// </summary>
internal static partial class RequestLogging
{
    public const string Category = "OrleansShop.Api.Requests";

    /// <summary>
    /// Outside Development the request lines start off (Warning), below every other configuration source, so
    /// <c>Logging__LogLevel__OrleansShop.Api.Requests=Information</c> turns them on: written to the console, the same build served the
    /// catalog query 1.25x and <c>{ __typename }</c> 1.37x the requests per second without them (bench/RESULTS.md), and a
    /// deployment has each request as a span in its traces anyway. In Development, where `dotnet run` shows what a request did, they stay on.
    /// </summary>
    public static WebApplicationBuilder AddRequestLogDefault(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
            {
                InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:" + Category] = "Warning" },
            });
        }

        return builder;
    }

    public static IApplicationBuilder UseShopRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
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
