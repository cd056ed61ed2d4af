namespace OrleansShop.Runtime.Streams;

/// <summary>
/// The in-process "queue": a queued message goes straight to this silo's subscribers. Nothing is stored, so a
/// subscriber sees only what is published while it is subscribed, and only publishers in the same silo reach it.
/// </summary>
internal sealed class MemoryStreamQueueAdapter : IStreamQueueAdapter
{
    private IStreamMessageSink? sink;

    public bool IsRewindable => false;

    public Task StartAsync(IStreamMessageSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        this.sink = sink;
        return Task.CompletedTask;
    }

    public Task QueueMessageAsync(StreamMessage message, CancellationToken cancellationToken)
    {
        var target = Volatile.Read(ref sink) ?? throw new InvalidOperationException("The stream provider has not started: start the silo's host first.");
        target.Deliver(message);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref sink, null);
        return Task.CompletedTask;
    }
}
