using OrleansShop.Runtime.Invocation;
using OrleansShop.Runtime.Reminders;

namespace OrleansShop.Runtime;

/// <summary>
/// Base class of grain implementations. Construct grains through the runtime only: the constructor picks up the
/// activation being created on this thread.
/// </summary>
public abstract class Grain : IGrainBase, IAddressable
{
    private IGrainFactory? grainFactory;

    protected Grain()
    {
        GrainContext = ActivatingGrainContext.Current
            ?? throw new InvalidOperationException("A grain can only be created by the runtime, when its activation starts.");
    }

    public IGrainContext GrainContext { get; }

    /// <summary>A reference to this grain, for passing to other grains.</summary>
    public GrainReference GrainReference => GrainContext.GrainReference;

    public string IdentityString => GrainContext.GrainId.ToString();

    protected IGrainFactory GrainFactory =>
        grainFactory ??= (IGrainFactory)(ServiceProvider.GetService(typeof(IGrainFactory))
            ?? throw new InvalidOperationException("No IGrainFactory is registered."));

    protected IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation after the current request finishes.</summary>
    protected void DeactivateOnIdle() =>
        GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    /// <summary>Keeps this activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => GrainContext.DelayDeactivation(timeSpan);

    /// <summary>
    /// Registers a durable reminder, or changes the schedule of an existing one. The grain must implement
    /// <see cref="IRemindable"/>.
    /// </summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"Grain {GetType().Name} must implement IRemindable to register reminders.");
        }

        return Reminders.RegisterOrUpdateReminder(GrainContext.GrainId, reminderName, dueTime, period);
    }

    protected Task UnregisterReminder(IGrainReminder reminder) => Reminders.UnregisterReminder(GrainContext.GrainId, reminder);

    protected Task<IGrainReminder?> GetReminder(string reminderName) => Reminders.GetReminder(GrainContext.GrainId, reminderName);

    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() => Reminders.GetReminders(GrainContext.GrainId);

    private IReminderRegistry Reminders =>
        (IReminderRegistry)(ServiceProvider.GetService(typeof(IReminderRegistry))
            ?? throw new InvalidOperationException("Reminders are not configured: register a reminder table on the silo."));
}
