using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace OrleansShop.Grains;

/// <summary>
/// Carries out, for one grain, an action that must happen after its state was saved but must never fail the grain call
/// that saved it: telling a read model, publishing a domain event. The action always works from the grain's current
/// state, so a failed attempt is simply repeated on a timer (which keeps the activation alive) until one succeeds, and
/// a later success makes a pending retry unnecessary. What a crashed process still owed is done again when the grain
/// next activates (each grain calls <see cref="RunAsync"/> from its activation for that).
/// </summary>
internal sealed partial class RetryUntilDone(IGrainBase grain, Func<Task> action, ILogger logger, string what)
{
    /// <summary>How long after a failure the action is tried again: well under the second a read model may lag.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    private IGrainTimer? retry;

    public bool Pending => retry is not null;

    public async Task RunAsync()
    {
        try
        {
            await action();
            retry?.Dispose();
            retry = null;
        }
        catch (Exception exception)
        {
            if (retry is null)
            {
                LogFailed(logger, exception, what, grain.GrainContext.GrainId, RetryDelay);
                retry = grain.RegisterGrainTimer(RunAsync, new GrainTimerCreationOptions(RetryDelay, RetryDelay) { KeepAlive = true });
            }
        }
    }

    // Logged once per run of failures, not on every retry: a database that is down for a minute would otherwise write
    // four lines a second for every grain waiting on it.
    [LoggerMessage(Level = LogLevel.Warning, Message = "{What} of {Grain} failed; retrying every {Delay} until it succeeds")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what, GrainId grain, TimeSpan delay);
}
