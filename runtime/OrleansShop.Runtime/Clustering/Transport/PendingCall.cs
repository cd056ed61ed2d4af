using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrleansShop.Runtime.Clustering.Transport;

/// <summary>A request sent to another silo, waiting for its response, its deadline, or the loss of its connection.</summary>
internal abstract class PendingCall(long deadline)
{
    public long Deadline { get; } = deadline;

    public abstract void Complete(ReadOnlySpan<byte> body);

    public abstract void Fail(Exception exception);
}

internal sealed class PendingCall<TResult>(long deadline, JsonTypeInfo<TResult> resultType) : PendingCall(deadline)
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Task => _completion.Task;

    public override void Complete(ReadOnlySpan<byte> body)
    {
        try
        {
            _completion.TrySetResult(JsonSerializer.Deserialize(body, resultType)!);
        }
        catch (JsonException ex)
        {
            _completion.TrySetException(ex);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
