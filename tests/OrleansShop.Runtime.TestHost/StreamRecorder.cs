using OrleansShop.Runtime.Streams;

namespace OrleansShop.Runtime.TestHost;

/// <summary>
/// Subscriptions made outside grains, as the API's GraphQL subscriptions are: each records what it receives, for the
/// "subscribe" and "received" commands.
/// </summary>
internal sealed class StreamRecorder(IServiceProvider services)
{
    public const string Provider = "test-streams";

    private readonly Dictionary<string, List<string>> received = [];

    public static StreamId StreamOf(string key) => StreamId.Create("notes", key);

    public async Task SubscribeAsync(string key)
    {
        List<string> items;
        lock (received)
        {
            if (received.ContainsKey(key))
            {
                throw new InvalidOperationException($"Stream {key} is subscribed already.");
            }

            received[key] = items = [];
        }

        await services.GetStreamProvider(Provider).GetStream<StreamNote>(StreamOf(key)).SubscribeAsync(note =>
        {
            lock (received)
            {
                items.Add(note.ToString());
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>What the subscription to <paramref name="key"/> received, once it has at least <paramref name="count"/> items.</summary>
    public async Task<string> ReceivedAsync(string key, int count) => string.Join(',', await WaitForAsync(key, count));

    /// <summary>How many items the subscription to <paramref name="key"/> received, once it has at least <paramref name="count"/>.</summary>
    public async Task<string> CountAsync(string key, int count) =>
        (await WaitForAsync(key, count)).Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<string>> WaitForAsync(string key, int count)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            lock (received)
            {
                var items = received[key];
                if (items.Count >= count)
                {
                    return [.. items];
                }

                if (clock.Elapsed > TimeSpan.FromSeconds(20))
                {
                    throw new TimeoutException($"Stream {key} received {items.Count} of {count} items; the last: {string.Join(',', items.TakeLast(20))}");
                }
            }

            await Task.Delay(20);
        }
    }
}
