using Microsoft.Extensions.Logging;
using OrleansShop.Runtime.Streams;

namespace OrleansShop.Runtime.Diagnostics;

internal static partial class StreamLog
{
    [LoggerMessage(101, LogLevel.Warning, "A subscriber of stream {StreamId} failed in {Method}; delivery goes on with the next item")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, StreamId streamId, string method);

    [LoggerMessage(102, LogLevel.Warning, "A subscriber of stream {StreamId} fell {Capacity} items behind; its subscription ended")]
    public static partial void SubscriberOverflowed(ILogger logger, StreamId streamId, int capacity);

    [LoggerMessage(103, LogLevel.Information, "The subscription of {GrainId} to stream {StreamId} ended: the activation is gone")]
    public static partial void SubscriberGone(ILogger logger, StreamId streamId, GrainId grainId);

    [LoggerMessage(104, LogLevel.Warning, "Stream provider {Provider} stopped before every subscriber finished")]
    public static partial void StopIncomplete(ILogger logger, string provider);
}
