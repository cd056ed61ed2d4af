namespace OrleansShop.Runtime.Reminders;

/// <summary>A grain that receives reminder ticks. A tick activates the grain if it is not active.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
