using System.Data.Common;
using System.Globalization;
using OrleansShop.GrainInterfaces;
using OrleansShop.Providers.AdoNet;

namespace OrleansShop.Silo.Hosting.Commands;

/// <summary>
/// <c>dead-letters [--requeue] [--queue NAME] [--dead-before TIME]</c>: the domain events that Orleans' ADO.NET streams
/// gave up on (unconsumed within ExpiryTimeout, or read MaxAttempts times), for this cluster's ServiceId; with
/// <c>--requeue</c>, put back into their queues for the silos to deliver. The consumers are idempotent by event id, so an
/// event delivered again is recorded once.
/// </summary>
internal static class DeadLetterCommand
{
    public const string Name = "dead-letters";

    public static async Task RunAsync(ShopOptions shop, ShopCommandLine command, TextWriter output, CancellationToken cancellationToken)
    {
        var filter = Filter(command);
        var streams = shop.Streams;
        if (streams.Provider != DomainEventStreamProvider.AdoNet)
        {
            // Refused rather than answered "none": an operator who left the stream setting out of this command's
            // configuration would otherwise be told that nothing was lost.
            throw new InvalidOperationException(
                $"the domain events are on {streams.Provider} streams ({StreamSettings.Section}:Provider); only AdoNet streams keep dead letters "
                + "in the storage database, so there is nothing to list or requeue. Run it with the silos' stream settings.");
        }

        var problems = streams.Problems(shop.Storage).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        var deadLetters = new StreamDeadLetters(shop.Storage.AdoNetDialect!.Value, shop.Storage.RequireConnectionString(), shop.Cluster.ServiceId, DomainEvents.Provider);
        var scope = string.Create(CultureInfo.InvariantCulture, $"stream provider '{DomainEvents.Provider}', service '{shop.Cluster.ServiceId}'")
            + (filter.QueueId is null ? "" : $", queue '{filter.QueueId}'")
            + (filter.DeadBefore is { } before ? $", dead before {Time(before.UtcDateTime)}" : "");
        if (command.Flags.Contains("--requeue"))
        {
            await RequeueAsync(deadLetters, filter, streams.AdoNet.ExpiryTimeout, scope, output, cancellationToken);
        }
        else
        {
            await ListAsync(deadLetters, filter, scope, output, cancellationToken);
        }
    }

    private static async Task ListAsync(StreamDeadLetters deadLetters, StreamDeadLetterFilter filter, string scope, TextWriter output, CancellationToken cancellationToken)
    {
        IReadOnlyList<StreamDeadLetterQueue> queues;
        try
        {
            queues = await deadLetters.ListAsync(filter, cancellationToken);
        }
        catch (DbException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }

        if (queues.Count == 0)
        {
            await output.WriteLineAsync($"No dead letters ({scope}).");
            return;
        }

        await output.WriteLineAsync($"Dead letters ({scope}):");
        var width = Math.Max("queue".Length, queues.Max(q => q.QueueId.Length));
        await output.WriteLineAsync($"  {"queue".PadRight(width)}  {"count",8}  {"oldest DeadOn",-20}  {"newest DeadOn",-20}  next RemoveOn");
        foreach (var queue in queues)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  {queue.QueueId.PadRight(width)}  {queue.Count,8}  {Time(queue.OldestDeadOn),-20}  {Time(queue.NewestDeadOn),-20}  {Time(queue.NextRemoveOn)}"));
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{queues.Sum(q => q.Count)} in all. Each is deleted for good at its RemoveOn unless `{Name} --requeue` puts it back into its queue first."));
    }

    private static async Task RequeueAsync(
        StreamDeadLetters deadLetters, StreamDeadLetterFilter filter, TimeSpan expiryTimeout, string scope, TextWriter output, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, long> moved;
        try
        {
            moved = await deadLetters.RequeueAsync(filter, expiryTimeout, cancellationToken);
        }
        catch (DbException e)
        {
            throw new InvalidOperationException(
                $"{e.Message} Dead letters moved before the failure stay in their queues (each batch is moved whole or not at all); "
                + "run it again to move the rest.", e);
        }

        if (moved.Count == 0)
        {
            await output.WriteLineAsync($"No dead letters to requeue ({scope}).");
            return;
        }

        foreach (var (queue, count) in moved)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Requeued {count} from queue {queue}."));
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{moved.Values.Sum()} requeued in all ({scope}); the silos that consume the domain events deliver them; unconsumed, they expire again after {expiryTimeout}."));
    }

    private static StreamDeadLetterFilter Filter(ShopCommandLine command)
    {
        DateTimeOffset? deadBefore = null;
        if (command.Values.TryGetValue("--dead-before", out var time))
        {
            // A time without an offset is UTC, as DeadOn is shown.
            deadBefore = DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new FormatException($"--dead-before takes a time such as 2026-12-01T08:00Z; '{time}' is not one.");
        }

        return new StreamDeadLetterFilter(command.Values.GetValueOrDefault("--queue"), deadBefore);
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
