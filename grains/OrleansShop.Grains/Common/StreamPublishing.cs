using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>How a grain tells live subscribers about a change it has already saved.</summary>
internal static partial class StreamPublishing
{
    /// <summary>
    /// Publishes <paramref name="item"/> on the commerce stream <paramref name="streamId"/>. The change is saved by now,
    /// so a failure here (no provider, provider stopped) is logged and swallowed: subscribers miss one update, the
    /// grain's operation still succeeds.
    /// </summary>
    public static async Task TryPublishAsync<T>(this IGrainBase grain, StreamId streamId, T item, ILogger logger)
    {
        try
        {
            await grain.GetStreamProvider(CommerceStreams.Provider).GetStream<T>(streamId).OnNextAsync(item);
        }
        catch (Exception e)
        {
            LogPublishFailed(logger, e, streamId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing on stream {StreamId} failed; live subscribers miss this update")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, StreamId streamId);
}
