namespace OrleansShop.Runtime.Reminders;

/// <summary>A reminder handle: its name and the ETag of the definition it was read or written as.</summary>
internal sealed record GrainReminder(string ReminderName, string ETag) : IGrainReminder;
