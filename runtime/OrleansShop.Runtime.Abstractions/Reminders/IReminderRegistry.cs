namespace OrleansShop.Runtime.Reminders;

/// <summary>Registers durable reminders for grains (Orleans' IReminderRegistry); used through <see cref="Grain"/>.</summary>
public interface IReminderRegistry
{
    Task<IGrainReminder> RegisterOrUpdateReminder(GrainId callingGrainId, string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminder(GrainId callingGrainId, IGrainReminder reminder);

    Task<IGrainReminder?> GetReminder(GrainId callingGrainId, string reminderName);

    Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId callingGrainId);
}
