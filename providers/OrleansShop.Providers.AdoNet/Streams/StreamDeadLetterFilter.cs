namespace OrleansShop.Providers.AdoNet;

/// <summary>Which dead letters of a stream provider a listing or a requeue takes; <see cref="All"/> takes every one.</summary>
/// <param name="QueueId">Only this queue's, when set.</param>
/// <param name="DeadBefore">Only those moved to the dead letters before this time, when set.</param>
public sealed record StreamDeadLetterFilter(string? QueueId = null, DateTimeOffset? DeadBefore = null)
{
    public static StreamDeadLetterFilter All { get; } = new();
}
