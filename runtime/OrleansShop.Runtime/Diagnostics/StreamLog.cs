using Microsoft.Extensions.Logging;
using OrleansShop.Runtime.Clustering;
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

    [LoggerMessage(105, LogLevel.Warning, "{Count} stream messages of provider {Provider} did not reach silo {Peer}: the batch could not be sent")]
    public static partial void PeerBatchLost(ILogger logger, Exception? exception, int count, string provider, SiloAddress peer);

    [LoggerMessage(106, LogLevel.Warning, "Dropped {Count} stream messages ({Total} in all) of provider {Provider} for silo {Peer}: its queue of {Capacity} was full or its batches were lost")]
    public static partial void PeerMessagesDropped(ILogger logger, long count, long total, string provider, SiloAddress peer, int capacity);

    [LoggerMessage(107, LogLevel.Warning, "A stream message of provider {Provider} on stream {StreamId} cannot be sent to other silos: its item type {ItemType} does not serialize")]
    public static partial void ItemNotSerializable(ILogger logger, Exception exception, string provider, StreamId streamId, string itemType);

    [LoggerMessage(108, LogLevel.Warning, "A stream message of provider {Provider} from another silo was skipped: it could not be read")]
    public static partial void IncomingMessageUnreadable(ILogger logger, Exception exception, string provider);

    [LoggerMessage(109, LogLevel.Warning, "A stream batch from another silo was dropped: it could not be read")]
    public static partial void IncomingBatchUnreadable(ILogger logger, Exception exception);
}
