namespace OrleansShop.Providers.AdoNet;

/// <summary>The dead letters one stream queue holds (<c>OrleansStreamDeadLetter</c>): how many, and when.</summary>
/// <param name="QueueId">The queue's name, as Orleans' ADO.NET streams name it.</param>
/// <param name="Count">How many dead letters it holds.</param>
/// <param name="OldestDeadOn">When the first of them was moved to the dead letters (UTC).</param>
/// <param name="NewestDeadOn">When the last of them was (UTC).</param>
/// <param name="NextRemoveOn">When the stream readers delete the next of them for good (UTC).</param>
public sealed record StreamDeadLetterQueue(string QueueId, long Count, DateTime OldestDeadOn, DateTime NewestDeadOn, DateTime NextRemoveOn);
